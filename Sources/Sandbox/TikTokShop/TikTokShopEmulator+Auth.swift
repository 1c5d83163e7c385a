import Foundation
import Hummingbird

/// The auth host (ecommerce-apis.md §3.1), under `/tiktok-auth`: the seller's consent page, and the unsigned
/// `GET /api/v2/token/get` and `GET /api/v2/token/refresh`, which take the app secret in the query and answer
/// `{"code":0,"message":"success","request_id","data":{…}}` with absolute expiry times.
extension TikTokShopEmulator {
    func auth(_ path: String, _ query: QueryParameters, requestID: String) throws -> Response {
        switch path {
        case "/oauth/authorize": return try authorize(query)
        case "/api/v2/token/get": return try getToken(query, requestID: requestID)
        case "/api/v2/token/refresh": return try refreshToken(query, requestID: requestID)
        default: throw TikTokShopError.invalidPath
        }
    }

    /// `GET /oauth/authorize?app_key=…&state=…&redirect_uri=…`: the seller consents at once and is sent back with
    /// `code` (valid 30 minutes, single use) and the caller's `state`. TikTok redirects to the URL registered for the
    /// app; the Sandbox has no registry, so the caller names it.
    private func authorize(_ query: QueryParameters) throws -> Response {
        guard query["app_key"] == secrets.appKey || query["service_id"] != nil, let redirect = query["redirect_uri"], !redirect.isEmpty
        else { throw TikTokShopError.invalidParameter("`app_key` (or `service_id`) and `redirect_uri` are required.") }
        let code = tokens.issue(.authorizationCode, account: shop.shopID, expiresAt: now + Self.authorizationCodeLifetime)
        var location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
        if let state = query["state"] { location += "&state=" + QueryParameters.encode(state) }
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .found, headers: headers)
    }

    private func getToken(_ query: QueryParameters, requestID: String) throws -> Response {
        try checkApp(query, grantType: "authorized_code")
        guard let code = query["auth_code"], !code.isEmpty else { throw TikTokShopError.missingAuthParameter("auth_code") }
        guard case .valid = tokens.verify(code, .authorizationCode, account: shop.shopID, now: now), tokens.spend(code) else {
            throw TikTokShopError.noAuthRecord
        }
        return tokenAnswer(refreshExpiresAt: now + Self.refreshTokenLifetime, requestID: requestID)
    }

    /// A refresh resets the access token's lifetime but not the refresh token's: the new refresh token expires when
    /// the old one would have, and the old one stays usable.
    private func refreshToken(_ query: QueryParameters, requestID: String) throws -> Response {
        try checkApp(query, grantType: "refresh_token")
        guard let token = query["refresh_token"], !token.isEmpty else { throw TikTokShopError.missingAuthParameter("refresh_token") }
        switch tokens.verify(token, .refreshToken, account: shop.shopID, now: now) {
        case .valid(let expiresAt): return tokenAnswer(refreshExpiresAt: expiresAt, requestID: requestID)
        case .expired: throw TikTokShopError.refreshTokenExpired
        case .invalid: throw TikTokShopError.noAuthRecord
        }
    }

    /// `app_key`, `app_secret` and `grant_type`; a key and secret that are not this app's find no authorisation.
    private func checkApp(_ query: QueryParameters, grantType: String) throws {
        for name in ["app_key", "app_secret", "grant_type"] where (query[name] ?? "").isEmpty {
            throw TikTokShopError.missingAuthParameter(name)
        }
        guard query["grant_type"] == grantType else {
            throw TikTokShopError(code: 36_009_004, message: "Invalid parameter. `grant_type` must be \(grantType).", status: .ok)
        }
        guard query["app_key"] == secrets.appKey, query["app_secret"] == secrets.appSecret else { throw TikTokShopError.noAuthRecord }
    }

    private func tokenAnswer(refreshExpiresAt: Int64, requestID: String) -> Response {
        let accessExpiresAt = now + Self.accessTokenLifetime
        let access = tokens.issue(.accessToken, account: shop.shopID, expiresAt: accessExpiresAt)
        let refresh = tokens.issue(.refreshToken, account: shop.shopID, expiresAt: refreshExpiresAt)
        return HTTPReply.json(.ok, .object([
            ("code", 0),
            ("message", "success"),
            ("data", .object([
                ("access_token", .string(access)),
                ("access_token_expire_in", .int(accessExpiresAt)),
                ("refresh_token", .string(refresh)),
                ("refresh_token_expire_in", .int(refreshExpiresAt)),
                ("open_id", .string(String(shop.shopID / 1_000 * 1_000 + 637))),
                ("seller_name", .string(shop.name)),
                ("seller_base_region", .string(shop.region)),
                ("user_type", 0),
                ("granted_scopes", .array(Self.grantedScopes.map { .string($0) })),
            ])),
            ("request_id", .string(requestID)),
        ]))
    }

    static let grantedScopes = [
        "seller.authorization.info", "seller.order.info", "seller.product.basic", "seller.return_refund.basic",
        "seller.shop.info",
    ]
}
