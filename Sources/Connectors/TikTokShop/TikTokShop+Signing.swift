import Crypto
import Foundation

extension TikTokShop {
    /// The request signature (ecommerce-apis.md §3.2): every query parameter but `sign` and `access_token`, sorted by
    /// name in byte order, concatenated as `name1value1…` after the path, then the body exactly as sent (unless the
    /// request is multipart), the whole wrapped in the app secret on both sides, HMAC-SHA256 keyed with the app
    /// secret, in lower-case hex. Values are signed decoded, before URL-encoding.
    ///
    /// The Sandbox verifies signatures with its own implementation on purpose: the two agree only through the
    /// documented algorithm and its worked examples.
    public static func signature(path: String, query: [(String, String)], body: [UInt8]?, appSecret: String) -> String {
        let sorted = query.filter { $0.0 != "sign" && $0.0 != "access_token" }
            .sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
        var message = Array(appSecret.utf8) + Array(path.utf8)
        for (name, value) in sorted { message += Array(name.utf8) + Array(value.utf8) }
        if let body { message += body }
        message += Array(appSecret.utf8)
        let key = SymmetricKey(data: Data(appSecret.utf8))
        return Hex.lowercase(HMAC<SHA256>.authenticationCode(for: message, using: key))
    }
}
