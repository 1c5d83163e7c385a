/// The Shopee Open Platform v2 request signature, as documented (ecommerce-apis.md §1.3):
/// lowercase hex HMAC-SHA256 keyed with the partner key over the plain concatenation
/// `partner_id + api_path + timestamp [+ access_token + shop_id]`.
///
/// This is a second implementation on purpose (DESIGN §5): the connector signs with its own code, and the two
/// agree only through the documented wire format, so a misreading of the rule cannot hide in both.
enum ShopeeSignature {
    /// Shop APIs: `partner_id + path + timestamp + access_token + shop_id`.
    static func shopAPI(partnerID: Int64, path: String, timestamp: Int64, accessToken: String, shopID: Int64,
                        partnerKey: String) -> String
    {
        Hex.hmacSHA256(key: partnerKey, message: "\(partnerID)\(path)\(timestamp)\(accessToken)\(shopID)")
    }

    /// Public APIs (`/api/v2/shop/auth_partner`, `/api/v2/auth/token/get`, `/api/v2/auth/access_token/get`):
    /// `partner_id + path + timestamp`.
    static func publicAPI(partnerID: Int64, path: String, timestamp: Int64, partnerKey: String) -> String {
        Hex.hmacSHA256(key: partnerKey, message: "\(partnerID)\(path)\(timestamp)")
    }
}
