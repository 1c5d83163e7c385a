import Crypto
import Foundation

/// Issues and checks Shopee access tokens, refresh tokens and authorisation codes.
///
/// Tokens are 32 lowercase hex characters like Shopee's, and verifiable without any stored state: 16 bytes holding
/// the expiry (Unix seconds), a random nonce and a truncated HMAC over the kind, the shop and those bytes, with
/// the first eight bytes masked so tokens look random. Only single use needs memory: the sets of spent refresh
/// tokens and codes, and of access tokens revoked by the expired-token fault.
final class ShopeeTokenAuthority: Sendable {
    enum Kind: UInt8 {
        case accessToken = 1, refreshToken = 2, authorizationCode = 3
    }

    enum Verdict: Equatable {
        case valid(expiresAt: Int64)
        case expired
        case invalid
    }

    /// Access tokens last 4 hours (`expire_in` 14400), refresh tokens 30 days, codes 10 minutes.
    static let accessTokenLifetime: Int64 = 14_400
    static let refreshTokenLifetime: Int64 = 30 * 86_400
    static let authorizationCodeLifetime: Int64 = 600
    /// Expiry written into the bootstrap refresh token: it never expires.
    private static let neverExpires = UInt32.max

    private let key: SymmetricKey
    private let spent = Locked(Set<String>())
    private let revokedAccessTokens = Locked(Set<String>())

    init(key: SymmetricKey) {
        self.key = key
    }

    func issue(_ kind: Kind, shopID: Int64, now: Int64) -> String {
        let lifetime = switch kind {
        case .accessToken: ShopeeTokenAuthority.accessTokenLifetime
        case .refreshToken: ShopeeTokenAuthority.refreshTokenLifetime
        case .authorizationCode: ShopeeTokenAuthority.authorizationCodeLifetime
        }
        let expiry = UInt32(clamping: now + lifetime)
        return make(kind, shopID: shopID, expiry: expiry, nonce: UInt32.random(in: 0...UInt32.max))
    }

    /// The refresh token published in the credentials: stands in for the seller's authorisation and is exempt from
    /// single use, so every fresh warehouse or test can start from it. The same for a seed across restarts.
    func bootstrapRefreshToken(shopID: Int64) -> String {
        make(.refreshToken, shopID: shopID, expiry: ShopeeTokenAuthority.neverExpires, nonce: 0)
    }

    func verify(_ token: String, _ kind: Kind, shopID: Int64, now: Int64) -> Verdict {
        guard token.utf8.count == 32, token == token.lowercased(), var bytes = Hex.decode(token) else { return .invalid }
        let tag = Array(bytes[8..<16])
        let mask = self.mask(tag: tag)
        for index in 0..<8 { bytes[index] ^= mask[index] }
        guard self.tag(kind, shopID: shopID, payload: Array(bytes[0..<8])) == tag else { return .invalid }
        let expiry = bytes[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        if expiry == ShopeeTokenAuthority.neverExpires { return .valid(expiresAt: Int64(expiry)) }
        return Int64(expiry) > now ? .valid(expiresAt: Int64(expiry)) : .expired
    }

    /// Marks a refresh token or code as used; `false` if it already was.
    func spend(_ token: String) -> Bool {
        spent.withLock { $0.insert(token).inserted }
    }

    func revoke(accessToken: String) {
        _ = revokedAccessTokens.withLock { $0.insert(accessToken) }
    }

    func isRevoked(accessToken: String) -> Bool {
        revokedAccessTokens.withLock { $0.contains(accessToken) }
    }

    // MARK: - Token bytes

    private func make(_ kind: Kind, shopID: Int64, expiry: UInt32, nonce: UInt32) -> String {
        var payload: [UInt8] = []
        for shift in stride(from: 24, through: 0, by: -8) { payload.append(UInt8(truncatingIfNeeded: expiry >> UInt32(shift))) }
        for shift in stride(from: 24, through: 0, by: -8) { payload.append(UInt8(truncatingIfNeeded: nonce >> UInt32(shift))) }
        let tag = self.tag(kind, shopID: shopID, payload: payload)
        let mask = self.mask(tag: tag)
        let masked = (0..<8).map { payload[$0] ^ mask[$0] }
        return Hex.encode(masked + tag)
    }

    private func tag(_ kind: Kind, shopID: Int64, payload: [UInt8]) -> [UInt8] {
        var message: [UInt8] = [kind.rawValue]
        for shift in stride(from: 56, through: 0, by: -8) { message.append(UInt8(truncatingIfNeeded: shopID >> Int64(shift))) }
        message.append(contentsOf: payload)
        return Array(HMAC<SHA256>.authenticationCode(for: message, using: key)).prefix(8).map { $0 }
    }

    private func mask(tag: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array("mask".utf8) + tag, using: key).prefix(8))
    }
}
