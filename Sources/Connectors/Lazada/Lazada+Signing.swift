import Crypto
import Foundation

extension Lazada {
    /// The request signature (ecommerce-apis.md §2.2): every parameter but `sign`, sorted by name in byte order,
    /// concatenated as `name1value1name2value2…` after the API path (`/orders/get`, without `/rest`), then
    /// HMAC-SHA256 keyed with the app secret, in upper-case hex. Values are signed as they are, before URL-encoding.
    ///
    /// The Sandbox verifies signatures with its own implementation on purpose (DESIGN §5): the two agree only
    /// through the documented algorithm and its worked examples.
    public static func signature(path: String, parameters: [(String, String)], appSecret: String) -> String {
        let sorted = parameters.filter { $0.0 != "sign" }.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
        let base = sorted.reduce(path) { $0 + $1.0 + $1.1 }
        let key = SymmetricKey(data: Data(appSecret.utf8))
        return Hex.lowercase(HMAC<SHA256>.authenticationCode(for: Data(base.utf8), using: key)).uppercased()
    }
}
