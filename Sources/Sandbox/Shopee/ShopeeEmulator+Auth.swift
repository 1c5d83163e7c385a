import Foundation
import Hummingbird

/// The authorisation flow (ecommerce-apis.md §1.2): the seller-consent link, code → tokens, and refresh.
extension ShopeeEmulator {
    /// `GET /api/v2/shop/auth_partner`: the seller "authorises" at once and is redirected to `redirect` with a
    /// single-use `code` (valid 10 minutes) and the `shop_id` of the shop that authorised.
    ///
    /// On Shopee the seller picks the shop by logging in on the consent page; the Sandbox has no login page, so the
    /// seller is the reference shop unless the Sandbox-only parameter `shop_id` names another of the brand's Shopee
    /// shops (not a Shopee parameter: it stands for the login, and the public signature does not cover it).
    func authorizePartner(_ query: QueryParameters) throws -> Response {
        try authenticatePublic(path: "/api/v2/shop/auth_partner", query: query)
        guard let redirect = query["redirect"], !redirect.isEmpty else {
            throw ShopeeError.wrongParameters("redirect is required")
        }
        let shop: SandboxShop
        if let text = query["shop_id"], !text.isEmpty {
            guard let id = Int64(text), let named = self.shop(id: id) else { throw ShopeeError.invalidPartnerOrShop }
            shop = named
        } else {
            guard let reference = shopeeShops.first else { throw ShopeeError.invalidPartnerOrShop }
            shop = reference
        }
        let code = tokens.issue(.authorizationCode, shopID: shop.shopID, now: now)
        let separator = redirect.contains("?") ? "&" : "?"
        let location = "\(redirect)\(separator)code=\(code)&shop_id=\(shop.shopID)"
        return Response(status: .found, headers: [.location: location])
    }

    /// `POST /api/v2/auth/token/get` with `{"code","shop_id","partner_id"}`: the first access and refresh tokens of
    /// the shop the code was issued to (a code is bound to its shop, so it is refused with another `shop_id`).
    func getAccessToken(_ query: QueryParameters, body: [UInt8]) throws -> Response {
        try authenticatePublic(path: "/api/v2/auth/token/get", query: query)
        let fields = try jsonBody(body)
        try checkBodyPartner(fields)
        guard let code = fields["code"] as? String, !code.isEmpty else { throw ShopeeError.wrongParameters("code is required") }
        guard let shopID = ShopeeEmulator.int64(fields["shop_id"]) else {
            throw ShopeeError.wrongParameters("shop_id is required")
        }
        guard shop(id: shopID) != nil else { throw ShopeeError.invalidPartnerOrShop }
        guard case .valid = tokens.verify(code, .authorizationCode, shopID: shopID, now: now), tokens.spend(code) else {
            throw ShopeeError.invalidCode
        }
        return HTTPReply.json(.ok, .object([
            ("request_id", .string(HTTPReply.requestID())),
            ("error", ""),
            ("message", ""),
            ("access_token", .string(tokens.issue(.accessToken, shopID: shopID, now: now))),
            ("refresh_token", .string(tokens.issue(.refreshToken, shopID: shopID, now: now))),
            ("expire_in", .int(ShopeeTokenAuthority.accessTokenLifetime)),
        ]))
    }

    /// `POST /api/v2/auth/access_token/get` with `{"refresh_token","partner_id","shop_id"}`: a new access token and
    /// a new refresh token, for the shop named. Refresh tokens are bound to their shop and single use, except each
    /// shop's bootstrap token from the credentials.
    func refreshAccessToken(_ query: QueryParameters, body: [UInt8]) throws -> Response {
        try authenticatePublic(path: "/api/v2/auth/access_token/get", query: query)
        let fields = try jsonBody(body)
        try checkBodyPartner(fields)
        guard let refreshToken = fields["refresh_token"] as? String, !refreshToken.isEmpty else {
            throw ShopeeError.wrongParameters("refresh_token is required")
        }
        if fields["merchant_id"] != nil, fields["shop_id"] == nil {
            throw ShopeeError.wrongParameters("merchant_id is not supported by this shop, use shop_id")
        }
        guard let shopID = ShopeeEmulator.int64(fields["shop_id"]) else {
            throw ShopeeError.wrongParameters("shop_id is required")
        }
        guard shop(id: shopID) != nil else { throw ShopeeError.invalidPartnerOrShop }
        switch tokens.verify(refreshToken, .refreshToken, shopID: shopID, now: now) {
        case .invalid: throw ShopeeError.invalidRefreshToken
        case .expired: throw ShopeeError.refreshTokenExpired
        case .valid: break
        }
        // The bootstrap token stands in for the seller's authorisation: reusable, so every fresh warehouse or test
        // can start from it. Tokens issued by a refresh are single use, as on Shopee.
        if refreshToken != bootstrapRefreshToken(shopID: shopID), !tokens.spend(refreshToken) {
            throw ShopeeError.invalidRefreshToken
        }
        return HTTPReply.json(.ok, .object([
            ("error", ""),
            ("message", ""),
            ("request_id", .string(HTTPReply.requestID())),
            ("partner_id", .int(secrets.partnerID)),
            ("shop_id", .int(shopID)),
            ("access_token", .string(tokens.issue(.accessToken, shopID: shopID, now: now))),
            ("refresh_token", .string(tokens.issue(.refreshToken, shopID: shopID, now: now))),
            ("expire_in", .int(ShopeeTokenAuthority.accessTokenLifetime)),
        ]))
    }

    private func jsonBody(_ body: [UInt8]) throws -> [String: Any] {
        guard !body.isEmpty,
              let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        else { throw ShopeeError.wrongParameters("request body must be a JSON object") }
        return object
    }

    /// The body repeats `partner_id`; it must be the partner of the query.
    private func checkBodyPartner(_ fields: [String: Any]) throws {
        guard let partnerID = ShopeeEmulator.int64(fields["partner_id"]) else {
            throw ShopeeError.wrongParameters("partner_id is required in the body")
        }
        guard partnerID == secrets.partnerID else { throw ShopeeError.param("Invalid partner_id.") }
    }

    /// A JSON integer, also accepted as a string of digits.
    static func int64(_ value: Any?) -> Int64? {
        switch value {
        case let number as NSNumber:
            // Whole numbers only; ids are far below 2^53, so the double is exact.
            let double = number.doubleValue
            return double == double.rounded() && abs(double) < 9e15 ? number.int64Value : nil
        case let text as String: return Int64(text)
        default: return nil
        }
    }
}
