import Foundation
import OmnidashCore
import Warehouse

/// One authorised seller: its tokens (refreshed before they expire, saved sealed at once) and the signed calls made
/// with them.
public actor LazadaSession {
    public let sellerID: Int64
    private let settings: LazadaSettings
    private let runner: RequestRunner
    private let keeper: TokenKeeper
    private let now: @Sendable () -> Date

    struct TokenResponse: Decodable {
        let accessToken: String?
        let refreshToken: String?
        /// Seconds; the documentation's samples write it as text, its guide as a number.
        let expiresIn: NumericText?
        /// Seconds the refresh token (the seller's authorisation) has left; 0 when it cannot be refreshed at all.
        let refreshExpiresIn: NumericText?

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token", refreshToken = "refresh_token", expiresIn = "expires_in"
            case refreshExpiresIn = "refresh_expires_in"
        }
    }

    public init(settings: LazadaSettings, seller: LazadaSettings.Seller, vault: TokenVault, runner: RequestRunner,
                now: @escaping @Sendable () -> Date = Date.init) {
        self.sellerID = seller.sellerID
        self.settings = settings
        self.runner = runner
        self.now = now
        self.keeper = TokenKeeper(
            platform: .lazada, accountID: String(seller.sellerID), vault: vault, bootstrapRefreshToken: seller.refreshToken,
            margin: Lazada.refreshMargin, now: now,
            exchange: { refreshToken in try await Self.exchange(refreshToken, settings: settings, runner: runner, now: now) })
    }

    /// Sends a call, signing it anew for every attempt, and returns the body of the successful response.
    func send(_ call: Lazada.Call) async throws -> Data {
        let response = try await runner.run(
            endpoint: call.path,
            build: {
                let token = try await self.keeper.valid().accessToken
                return call.request(baseURL: self.settings.baseURL, appKey: self.settings.appKey, appSecret: self.settings.appSecret,
                                    timestampMilliseconds: Self.milliseconds(self.now()), accessToken: token)
            },
            classify: { Lazada.classify($0, endpoint: call.path) },
            refresh: { _ = try await self.keeper.refresh() })
        return response.body
    }

    /// `/auth/token/refresh` on the auth gateway: new tokens for a refresh token.
    private static func exchange(_ refreshToken: String, settings: LazadaSettings, runner: RequestRunner,
                                 now: @escaping @Sendable () -> Date) async throws -> TokenKeeper.Tokens {
        let call = Lazada.Requests.refreshToken(refreshToken)
        let response = try await runner.run(
            endpoint: call.path,
            build: {
                call.request(baseURL: settings.authURL, appKey: settings.appKey, appSecret: settings.appSecret,
                             timestampMilliseconds: milliseconds(now()), accessToken: nil)
            },
            classify: { response in
                // A refused refresh token is final: do not ask for another refresh.
                if case .refreshCredentials(let error) = Lazada.classify(response, endpoint: call.path) { return .fail(error) }
                return Lazada.classify(response, endpoint: call.path)
            })
        let body = try JSONDecoder().decode(TokenResponse.self, from: response.body)
        guard let access = body.accessToken, let refresh = body.refreshToken, let expiresIn = body.expiresIn?.int64 else {
            throw ConnectorError(.invalidResponse, platform: .lazada, endpoint: call.path,
                                 message: "token response lacks access_token, refresh_token or expires_in")
        }
        let issuedAt = Int64(now().timeIntervalSince1970)
        // A refresh token that cannot be refreshed (0) leaves the authorisation only as long as the access token.
        let refreshExpiresAt = body.refreshExpiresIn?.int64.map { issuedAt + ($0 > 0 ? $0 : expiresIn) }
        return TokenKeeper.Tokens(accessToken: access, refreshToken: refresh, accessExpiresAt: issuedAt + expiresIn,
                                  refreshExpiresAt: refreshExpiresAt)
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970) * 1_000 }
}
