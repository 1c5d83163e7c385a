import Crypto
import Foundation

/// TikTok Shop request signing (ecommerce-apis.md §3.2), written from the documentation for the emulator: every
/// query parameter but `sign` and `access_token`, sorted by name in byte order, concatenated as `{key}{value}` after
/// the request path, then the raw body unless the request is `multipart/form-data`, the whole wrapped in the app
/// secret and MAC'd with HMAC-SHA256 keyed with the app secret, lower-case hex.
///
/// A second implementation on purpose: the connector signs with its own code, and the two agree only through the
/// documented rule and its worked examples. A repeated parameter counts once, with its first value, as the official
/// Go sample reads queries.
enum TikTokShopSignature {
    static func sign(path: String, query: [(String, String)], body: [UInt8]?, appSecret: String) -> String {
        var seen = Set<String>()
        var parameters: [(String, String)] = []
        for (name, value) in query where name != "sign" && name != "access_token" && seen.insert(name).inserted {
            parameters.append((name, value))
        }
        parameters.sort { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
        var message = Array((appSecret + path).utf8)
        for (name, value) in parameters { message += Array((name + value).utf8) }
        if let body { message += body }
        message += Array(appSecret.utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Array(appSecret.utf8)))
        return Hex.encode(mac)
    }
}
