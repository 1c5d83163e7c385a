import _CryptoExtras
import Crypto
import Foundation
import Hummingbird

extension GA4Emulator {
    /// `POST /oauth2/v4/token`, form-encoded, as Google answers it (ads-apis.md §2): the refresh-token grant (client by
    /// `client_id`/`client_secret` in the body or HTTP Basic), and the JWT-bearer grant whose assertion the service
    /// account signed with RS256. Errors are OAuth's `{"error", "error_description"}`.
    func token(_ request: EmulatorRequest) -> Response {
        guard request.method == .post else { return Self.refuse(.methodNotAllowed, "invalid_request", "The token endpoint takes POST.") }
        let form = QueryParameters(String(decoding: request.body, as: UTF8.self))
        guard let grantType = form["grant_type"] else {
            return Self.refuse(.badRequest, "invalid_request", "Missing required parameter: grant_type")
        }
        let now = Int64(clock().timeIntervalSince1970)
        switch grantType {
        case "refresh_token": return refreshGrant(request, form: form, now: now)
        case "urn:ietf:params:oauth:grant-type:jwt-bearer": return jwtBearerGrant(form["assertion"], now: now)
        default: return Self.refuse(.badRequest, "unsupported_grant_type", "Invalid grant_type: \(grantType)")
        }
    }

    static func refuse(_ status: HTTPResponse.Status, _ error: String, _ description: String) -> Response {
        HTTPReply.json(status, .object([("error", .string(error)), ("error_description", .string(description))]))
    }

    private func issue(account: Int64, now: Int64, scope: String?) -> Response {
        let access = secrets.accessTokens.issue(.accessToken, account: account, expiresAt: now + GA4Secrets.accessTokenLifetime + 1)
        var members: [(String, JSONValue)] = [("access_token", .string(access)), ("expires_in", .int(GA4Secrets.accessTokenLifetime))]
        if let scope { members.append(("scope", .string(scope))) }
        members.append(("token_type", "Bearer"))
        return HTTPReply.json(.ok, .object(members))
    }

    private func refreshGrant(_ request: EmulatorRequest, form: QueryParameters, now: Int64) -> Response {
        var clientID = form["client_id"], clientSecret = form["client_secret"]
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Basic "),
           let decoded = Data(base64Encoded: String(authorization.dropFirst(6))).map({ String(decoding: $0, as: UTF8.self) }),
           let colon = decoded.firstIndex(of: ":") {
            clientID = QueryParameters.decode(decoded[..<colon])
            clientSecret = QueryParameters.decode(decoded[decoded.index(after: colon)...])
        }
        guard let clientID, !clientID.isEmpty else {
            return Self.refuse(.badRequest, "invalid_request", "Could not determine client ID from request.")
        }
        guard clientID == secrets.clientID else { return Self.refuse(.unauthorized, "invalid_client", "The OAuth client was not found.") }
        guard clientSecret == secrets.clientSecret else { return Self.refuse(.unauthorized, "invalid_client", "Unauthorized") }
        guard let refreshToken = form["refresh_token"], !refreshToken.isEmpty else {
            return Self.refuse(.badRequest, "invalid_request", "Missing required parameter: refresh_token")
        }
        guard refreshToken == secrets.refreshToken else {
            return Self.refuse(.badRequest, "invalid_grant", "Token has been expired or revoked.")
        }
        return issue(account: GA4Secrets.userAccount, now: now, scope: GA4Secrets.scope)
    }

    /// RFC 7523 §3, as Google checks it: an RS256 JWS signed by the service account's key, `iss` its e-mail, `aud` this
    /// endpoint, `iat`/`exp` at most an hour apart and current, and a scope that reads Analytics.
    private func jwtBearerGrant(_ assertion: String?, now: Int64) -> Response {
        func invalid(_ description: String) -> Response { Self.refuse(.badRequest, "invalid_grant", description) }
        guard let assertion, !assertion.isEmpty else { return Self.refuse(.badRequest, "invalid_request", "Missing required parameter: assertion") }
        let segments = assertion.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard segments.count == 3,
              let headerBytes = Self.base64URLDecode(segments[0]), let claimsBytes = Self.base64URLDecode(segments[1]),
              let signature = Self.base64URLDecode(segments[2]),
              let header = try? JSONSerialization.jsonObject(with: headerBytes) as? [String: Any],
              let claims = try? JSONSerialization.jsonObject(with: claimsBytes) as? [String: Any] else {
            return invalid("Invalid JWT: the assertion is not three base64url segments of JSON.")
        }
        guard header["alg"] as? String == "RS256" else { return invalid("Invalid JWT: the signing algorithm must be RS256.") }
        guard claims["iss"] as? String == secrets.serviceAccountEmail else { return invalid("Invalid grant: account not found") }
        let signingInput = Data((segments[0] + "." + segments[1]).utf8)
        let verified = secrets.privateKey.publicKey.isValidSignature(
            _RSA.Signing.RSASignature(rawRepresentation: signature), for: signingInput, padding: .insecurePKCS1v1_5)
        if let kid = header["kid"] as? String, kid != secrets.privateKeyID { return invalid("Invalid JWT Signature.") }
        guard verified else { return invalid("Invalid JWT Signature.") }
        let tokenURL = serverURL.withLock { $0 } + Self.tokenPath
        guard let audience = claims["aud"] as? String, audience == tokenURL else {
            return invalid("Invalid JWT: Failed audience check. The right audience is \(tokenURL)")
        }
        guard let iat = Self.seconds(claims["iat"]), let exp = Self.seconds(claims["exp"]),
              exp > iat, exp - iat <= 3_600, exp > now, iat <= now + 300 else {
            return invalid("Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. "
                + "Check your iat and exp values in the JWT claim.")
        }
        let scopes = Set(((claims["scope"] as? String) ?? "").split(separator: " ").map(String.init))
        guard !scopes.isDisjoint(with: GA4Secrets.readingScopes) else {
            return Self.refuse(.badRequest, "invalid_scope", "Invalid OAuth scope or ID token audience provided.")
        }
        return issue(account: GA4Secrets.serviceAccount, now: now, scope: nil)
    }

    static func seconds(_ value: Any?) -> Int64? {
        guard let number = value as? NSNumber else { return nil }
        return number.int64Value
    }

    /// Base64url without padding (RFC 7515 §2); padding is tolerated.
    static func base64URLDecode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 = base64.trimmingCharacters(in: CharacterSet(charactersIn: "="))
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
