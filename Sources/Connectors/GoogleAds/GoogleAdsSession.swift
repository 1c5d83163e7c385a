import Foundation
import OmnidashCore
import Warehouse

/// The seller's Google authorisation: one access token for every customer (refreshed a margin before it expires, and
/// after Google refuses it), and the calls made with it.
public actor GoogleAdsSession {
    private let settings: GoogleAdsSettings
    private let keeper: TokenKeeper

    struct TokenResponse: Decodable {
        let accessToken: String?
        let expiresIn: NumericText?
        let refreshToken: String?

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token", expiresIn = "expires_in", refreshToken = "refresh_token"
        }
    }

    /// - Parameter runner: The runner token refreshes go through.
    public init(settings: GoogleAdsSettings, vault: TokenVault, runner: RequestRunner, now: @escaping @Sendable () -> Date = Date.init) {
        self.settings = settings
        // Tokens belong to the OAuth user, not to a customer: one keeper, stored under the login (or first) customer.
        let owner = settings.loginCustomerID.map(GoogleAdsSettings.digits) ?? settings.accountIDs.first ?? "oauth"
        self.keeper = TokenKeeper(
            platform: .googleAds, accountID: owner, vault: vault, bootstrapRefreshToken: settings.refreshToken,
            margin: GoogleAds.refreshMargin, now: now,
            exchange: { refreshToken in try await Self.exchange(refreshToken, settings: settings, runner: runner, now: now) })
    }

    /// Sends an API call through `runner`, with a valid token on every attempt, and returns the successful response.
    func send(_ runner: RequestRunner, endpoint: String,
              build: @escaping @Sendable (_ headers: [String: String]) -> HTTPRequestValue) async throws -> HTTPResponseValue {
        try await runner.run(
            endpoint: endpoint,
            build: {
                let token = try await self.keeper.valid().accessToken
                return build(GoogleAds.Requests.headers(accessToken: token, developerToken: self.settings.developerToken,
                                                        loginCustomerID: self.settings.loginCustomerID))
            },
            classify: { GoogleAds.classify($0, endpoint: endpoint) },
            refresh: { _ = try await self.keeper.refresh() })
    }

    /// The refresh-token grant. Google usually sends no new refresh token; the old one stays.
    private static func exchange(_ refreshToken: String, settings: GoogleAdsSettings, runner: RequestRunner,
                                 now: @escaping @Sendable () -> Date) async throws -> TokenKeeper.Tokens {
        let endpoint = URL(string: settings.tokenURL)?.path ?? settings.tokenURL
        let response = try await runner.run(
            endpoint: endpoint,
            build: {
                GoogleAds.Requests.refreshToken(tokenURL: settings.tokenURL, clientID: settings.clientID,
                                                clientSecret: settings.clientSecret, refreshToken: refreshToken)
            },
            classify: { GoogleAds.classifyToken($0, endpoint: endpoint) })
        let body = try decodeResponse(TokenResponse.self, response.body, platform: .googleAds, endpoint: endpoint)
        guard let access = body.accessToken, !access.isEmpty, let expiresIn = body.expiresIn?.int64 else {
            throw ConnectorError(.invalidResponse, platform: .googleAds, endpoint: endpoint,
                                 message: "token response lacks access_token or expires_in")
        }
        return TokenKeeper.Tokens(accessToken: access, refreshToken: body.refreshToken ?? refreshToken,
                                  accessExpiresAt: Int64(now().timeIntervalSince1970) + expiresIn)
    }
}
