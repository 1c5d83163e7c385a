import Foundation
import OmnidashCore
import Warehouse

/// The configured Google identity, a user (refresh token) or a service account (JWT assertion): one access token for
/// every property, renewed a margin before it expires and after Google refuses it, and the calls made with it.
public actor GA4Session {
    private let settings: GA4Settings
    private let keeper: TokenKeeper

    struct TokenResponse: Decodable {
        let accessToken: String?
        let expiresIn: NumericText?
        let refreshToken: String?

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token", expiresIn = "expires_in", refreshToken = "refresh_token"
        }
    }

    /// - Parameter runner: The runner token requests go through.
    /// - Throws: When the service account's key cannot be read.
    public init(settings: GA4Settings, vault: TokenVault, runner: RequestRunner, now: @escaping @Sendable () -> Date = Date.init) throws {
        self.settings = settings
        guard let credentials = settings.credentials else {
            throw ConnectorError(.authentication, platform: .ga4, endpoint: "token", message: "no OAuth keys and no service account configured")
        }
        let exchange: @Sendable (String) async throws -> TokenKeeper.Tokens
        let owner: String
        let bootstrap: String
        if let account = try GA4ServiceAccount.load(credentials) {
            // A service account has no refresh token: every renewal is a fresh assertion, sent to the key's token_uri
            // unless the configuration names another endpoint.
            let tokenURL = settings.tokenURL == GA4Settings.defaultTokenURL ? (account.tokenURI ?? settings.tokenURL) : settings.tokenURL
            owner = "sa:" + account.clientEmail
            bootstrap = account.clientEmail
            exchange = { _ in
                let assertion = try account.assertion(audience: tokenURL, scope: GA4.scope, now: Int64(now().timeIntervalSince1970))
                return try await Self.exchange(tokenURL: tokenURL, keep: account.clientEmail, runner: runner, now: now) {
                    GA4.Requests.jwtBearer(tokenURL: tokenURL, assertion: assertion)
                }
            }
        } else {
            guard case .oauth(let clientID, let clientSecret, let refreshToken) = credentials else { fatalError("unreachable") }
            owner = "oauth:" + clientID
            bootstrap = refreshToken
            exchange = { refreshToken in
                try await Self.exchange(tokenURL: settings.tokenURL, keep: refreshToken, runner: runner, now: now) {
                    GA4.Requests.refreshToken(tokenURL: settings.tokenURL, clientID: clientID, clientSecret: clientSecret,
                                              refreshToken: refreshToken)
                }
            }
        }
        keeper = TokenKeeper(platform: .ga4, accountID: owner, vault: vault, bootstrapRefreshToken: bootstrap, margin: GA4.refreshMargin,
                             now: now, exchange: exchange)
    }

    /// Sends a Data API call through `runner` with a valid token on every attempt and returns the successful response.
    func send(_ runner: RequestRunner, endpoint: String,
              build: @escaping @Sendable (_ accessToken: String) -> HTTPRequestValue) async throws -> HTTPResponseValue {
        try await runner.run(
            endpoint: endpoint,
            build: { build(try await self.keeper.valid().accessToken) },
            classify: { GA4.classify($0, endpoint: endpoint) },
            refresh: { _ = try await self.keeper.refresh() })
    }

    /// One token request; `keep` is what the keeper stores as the refresh token (the old one, or the account's e-mail).
    private static func exchange(tokenURL: String, keep: String, runner: RequestRunner, now: @escaping @Sendable () -> Date,
                                 build: @escaping @Sendable () -> HTTPRequestValue) async throws -> TokenKeeper.Tokens {
        let endpoint = URL(string: tokenURL)?.path ?? tokenURL
        let response = try await runner.run(endpoint: endpoint, build: build, classify: { GA4.classifyToken($0, endpoint: endpoint) })
        let body = try decodeResponse(TokenResponse.self, response.body, platform: .ga4, endpoint: endpoint)
        guard let access = body.accessToken, !access.isEmpty, let expiresIn = body.expiresIn?.int64 else {
            throw ConnectorError(.invalidResponse, platform: .ga4, endpoint: endpoint, message: "token response lacks access_token or expires_in")
        }
        return TokenKeeper.Tokens(accessToken: access, refreshToken: body.refreshToken ?? keep,
                                  accessExpiresAt: Int64(now().timeIntervalSince1970) + expiresIn)
    }
}
