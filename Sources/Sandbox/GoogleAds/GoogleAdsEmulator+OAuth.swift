import Foundation
import Hummingbird

extension GoogleAdsEmulator {
    /// `POST /token`, form-encoded, the refresh-token grant (RFC 6749 §6) as Google answers it (ads-apis.md §2): the
    /// client by `client_id` and `client_secret` in the body or by HTTP Basic; a new access token good for an hour; no
    /// new refresh token. Errors are OAuth's `{"error", "error_description"}`.
    func token(_ request: EmulatorRequest) -> Response {
        func refuse(_ status: HTTPResponse.Status, _ error: String, _ description: String) -> Response {
            HTTPReply.json(status, .object([("error", .string(error)), ("error_description", .string(description))]))
        }
        guard request.method == .post else { return refuse(.methodNotAllowed, "invalid_request", "The token endpoint takes POST.") }
        let form = QueryParameters(String(decoding: request.body, as: UTF8.self))
        var clientID = form["client_id"], clientSecret = form["client_secret"]
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Basic "),
           let decoded = Data(base64Encoded: String(authorization.dropFirst(6))).map({ String(decoding: $0, as: UTF8.self) }),
           let colon = decoded.firstIndex(of: ":") {
            clientID = QueryParameters.decode(decoded[..<colon])
            clientSecret = QueryParameters.decode(decoded[decoded.index(after: colon)...])
        }
        guard let grantType = form["grant_type"] else { return refuse(.badRequest, "invalid_request", "Missing required parameter: grant_type") }
        guard grantType == "refresh_token" else { return refuse(.badRequest, "unsupported_grant_type", "Invalid grant_type: \(grantType)") }
        guard let clientID, !clientID.isEmpty else { return refuse(.badRequest, "invalid_request", "Could not determine client ID from request.") }
        guard clientID == secrets.clientID else { return refuse(.unauthorized, "invalid_client", "The OAuth client was not found.") }
        guard clientSecret == secrets.clientSecret else { return refuse(.unauthorized, "invalid_client", "Unauthorized") }
        guard let refreshToken = form["refresh_token"], !refreshToken.isEmpty else {
            return refuse(.badRequest, "invalid_request", "Missing required parameter: refresh_token")
        }
        guard refreshToken == secrets.refreshToken else { return refuse(.badRequest, "invalid_grant", "Token has been expired or revoked.") }
        let now = Int64(clock().timeIntervalSince1970)
        let access = secrets.accessTokens.issue(.accessToken, account: GoogleAdsSecrets.userAccount,
                                                expiresAt: now + GoogleAdsSecrets.accessTokenLifetime + 1)
        return HTTPReply.json(.ok, .object([
            ("access_token", .string(access)),
            ("expires_in", .int(GoogleAdsSecrets.accessTokenLifetime)),
            ("scope", "https://www.googleapis.com/auth/adwords"),
            ("token_type", "Bearer"),
        ]))
    }
}
