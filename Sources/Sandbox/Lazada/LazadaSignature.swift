import Crypto
import Foundation

/// Lazada Open Platform request signing (ecommerce-apis.md §2.2), written from the documentation for the emulator:
/// every parameter but `sign` sorted by name in byte order, concatenated as `key1value1key2value2…` after the API
/// path (`/orders/get`, without `/rest`), HMAC-SHA256 keyed with the app secret, upper-case hex.
///
/// A second implementation on purpose (DESIGN §5): the connector signs with its own code, and the two agree only
/// through the documented rule and its worked examples.
enum LazadaSignature {
    static func sign(path: String, parameters: [(String, String)], appSecret: String) -> String {
        var message = path
        for (name, value) in parameters.filter({ $0.0 != "sign" }).sorted(by: { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }) {
            message += name + value
        }
        let mac = HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: Array(appSecret.utf8)))
        return Hex.encode(mac).uppercased()
    }
}
