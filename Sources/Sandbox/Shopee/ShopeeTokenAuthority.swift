import Crypto
import Foundation

/// Issues and checks Shopee access tokens, refresh tokens and authorisation codes: 32 lowercase hex characters like
/// Shopee's, minted by `TokenMint`, with Shopee's lifetimes.
final class ShopeeTokenAuthority: Sendable {
    typealias Kind = TokenMint.Kind
    typealias Verdict = TokenMint.Verdict

    /// Access tokens last 4 hours (`expire_in` 14400), refresh tokens 30 days, codes 10 minutes.
    static let accessTokenLifetime: Int64 = 14_400
    static let refreshTokenLifetime: Int64 = 30 * 86_400
    static let authorizationCodeLifetime: Int64 = 600

    private let mint: TokenMint

    init(key: SymmetricKey) {
        mint = TokenMint(key: key)
    }

    func issue(_ kind: Kind, shopID: Int64, now: Int64) -> String {
        let lifetime = switch kind {
        case .accessToken: Self.accessTokenLifetime
        case .refreshToken: Self.refreshTokenLifetime
        case .authorizationCode: Self.authorizationCodeLifetime
        }
        return mint.issue(kind, account: shopID, expiresAt: now + lifetime)
    }

    /// The refresh token published in the credentials: stands in for the seller's authorisation and is exempt from
    /// single use, so every fresh warehouse or test can start from it. The same for a seed across restarts.
    func bootstrapRefreshToken(shopID: Int64) -> String {
        mint.bootstrap(.refreshToken, account: shopID)
    }

    func verify(_ token: String, _ kind: Kind, shopID: Int64, now: Int64) -> Verdict {
        mint.verify(token, kind, account: shopID, now: now)
    }

    /// Marks a refresh token or code as used; `false` if it already was.
    func spend(_ token: String) -> Bool { mint.spend(token) }

    func revoke(accessToken: String) { mint.revoke(accessToken: accessToken) }

    func isRevoked(accessToken: String) -> Bool { mint.isRevoked(accessToken: accessToken) }
}
