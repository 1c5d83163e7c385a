import Crypto
import Foundation

extension Shopee {
    /// The v2 signature: lowercase hex HMAC-SHA256, keyed with the partner key, over
    /// `partner_id + api_path + timestamp` (public APIs), `+ access_token + shop_id` (shop APIs).
    /// Query parameters and bodies are not signed.
    ///
    /// The Sandbox verifies signatures with its own implementation on purpose (DESIGN §5): the two agree
    /// only through the documented algorithm and worked examples.
    public static func signature(partnerKey: String, partnerID: Int64, path: String, timestamp: Int64,
                                 accessToken: String? = nil, shopID: Int64? = nil) -> String {
        var base = "\(partnerID)\(path)\(timestamp)"
        if let accessToken, let shopID { base += "\(accessToken)\(shopID)" }
        let key = SymmetricKey(data: Data(partnerKey.utf8))
        return Hex.lowercase(HMAC<SHA256>.authenticationCode(for: Data(base.utf8), using: key))
    }
}
