import Foundation
import Hummingbird

/// Authorisation: the seller's consent page, `/auth/token/create` and `/auth/token/refresh` (ecommerce-apis.md §2.1).
/// Token answers are at the top level, without `data`.
extension LazadaEmulator {
    static let authorizePath = "/oauth/authorize"

    /// `GET /oauth/authorize?response_type=code&client_id=…&redirect_uri=…`: the seller consents at once and is sent
    /// back with `code` (valid 30 minutes, single use) and the caller's `state`.
    func authorize(_ parameters: QueryParameters) -> Response {
        guard parameters["response_type"] == "code", parameters["client_id"] == secrets.appKey,
              let redirect = parameters["redirect_uri"], !redirect.isEmpty else {
            return LazadaError.invalidParameter("client_id", "response_type=code, client_id and redirect_uri are required").response
        }
        let code = tokens.issue(.authorizationCode, account: shop.shopID, expiresAt: now + Self.authorizationCodeLifetime)
        var location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
        if let state = parameters["state"] { location += "&state=" + QueryParameters.encode(state) }
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .found, headers: headers)
    }

    func createToken(_ parameters: QueryParameters) throws -> Response {
        guard let code = parameters["code"], !code.isEmpty else { throw LazadaError.missingParameter("code") }
        guard case .valid = tokens.verify(code, .authorizationCode, account: shop.shopID, now: now), tokens.spend(code) else {
            throw LazadaError.invalidCode
        }
        return tokenAnswer(refreshExpiresAt: now + Self.refreshTokenLifetime, numbersAsText: false, infoKey: "country_user_info")
    }

    /// A refresh resets the access token's lifetime but not the refresh token's: the new refresh token expires when
    /// the old one would have.
    func refreshToken(_ parameters: QueryParameters) throws -> Response {
        guard let token = parameters["refresh_token"], !token.isEmpty else { throw LazadaError.missingParameter("refresh_token") }
        guard case .valid(let expiresAt) = tokens.verify(token, .refreshToken, account: shop.shopID, now: now) else {
            throw LazadaError.illegalRefreshToken
        }
        return tokenAnswer(refreshExpiresAt: expiresAt, numbersAsText: true, infoKey: "country_user_info_list")
    }

    /// The token answer; the documentation's samples write the lifetimes as text, its guide as numbers, so the
    /// emulator does both (create as numbers, refresh as text) and clients must read either.
    private func tokenAnswer(refreshExpiresAt: Int64, numbersAsText: Bool, infoKey: String) -> Response {
        let access = tokens.issue(.accessToken, account: shop.shopID, expiresAt: now + Self.accessTokenLifetime)
        let refresh = tokens.issue(.refreshToken, account: shop.shopID, expiresAt: refreshExpiresAt)
        let refreshLifetime = refreshExpiresAt >= TokenMint.neverExpires ? Self.refreshTokenLifetime : refreshExpiresAt - now
        func number(_ value: Int64) -> JSONValue { numbersAsText ? .string(String(value)) : .int(value) }
        return HTTPReply.json(.ok, .object([
            ("access_token", .string(access)),
            ("refresh_token", .string(refresh)),
            ("expires_in", number(Self.accessTokenLifetime)),
            ("refresh_expires_in", number(refreshLifetime)),
            ("country", "th"),
            ("account_platform", "seller_center"),
            ("account", "seller@sukhon-beauty.co.th"),
            ("account_id", .string(String(shop.shopID + 7_000_000))),
            (infoKey, .array([.object([
                ("country", "th"),
                ("user_id", .string(String(shop.shopID + 9_000_000))),
                ("seller_id", .string(String(shop.shopID))),
                ("short_code", .string(shortCode)),
            ])])),
            ("code", "0"),
            ("request_id", .string(HTTPReply.requestID())),
        ]))
    }

    /// The seller's short code, as Lazada shows it in Seller Center (`TH` and seven characters).
    var shortCode: String { "TH1K" + String(shop.shopID % 1_000, radix: 36).uppercased() + "Q" }
}
