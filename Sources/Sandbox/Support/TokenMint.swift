import Crypto
import Foundation

/// Issues and checks OAuth tokens and authorisation codes that need no stored state to verify: 16 bytes holding the
/// expiry (Unix seconds), a random nonce and a truncated HMAC over the kind, the account and those bytes, with the
/// first eight bytes masked so tokens look random, written as 32 lowercase hex characters after the platform's
/// `prefix`. Only what a platform makes single use needs memory: spent tokens and codes, and access tokens revoked
/// by the expired-token fault.
final class TokenMint: Sendable {
    enum Kind: UInt8 {
        case accessToken = 1, refreshToken = 2, authorizationCode = 3
    }

    enum Verdict: Equatable {
        case valid(expiresAt: Int64)
        case expired
        case invalid
    }

    /// The expiry written into bootstrap tokens: they never expire.
    static let neverExpires = Int64(UInt32.max)

    private let key: SymmetricKey
    private let prefix: String
    private let spent = Locked(Set<String>())
    private let revokedAccessTokens = Locked(Set<String>())

    init(key: SymmetricKey, prefix: String = "") {
        self.key = key
        self.prefix = prefix
    }

    func issue(_ kind: Kind, account: Int64, expiresAt: Int64) -> String {
        make(kind, account: account, expiry: UInt32(clamping: expiresAt), nonce: UInt32.random(in: 0...UInt32.max))
    }

    /// A token that never expires and is the same for a seed across restarts: the authorisation the Sandbox
    /// publishes in its credentials.
    func bootstrap(_ kind: Kind, account: Int64) -> String {
        make(kind, account: account, expiry: UInt32.max, nonce: 0)
    }

    func verify(_ token: String, _ kind: Kind, account: Int64, now: Int64) -> Verdict {
        guard token.hasPrefix(prefix) else { return .invalid }
        let body = String(token.dropFirst(prefix.count))
        guard body.utf8.count == 32, body == body.lowercased(), var bytes = Hex.decode(body) else { return .invalid }
        let tag = Array(bytes[8..<16])
        let mask = self.mask(tag: tag)
        for index in 0..<8 { bytes[index] ^= mask[index] }
        guard self.tag(kind, account: account, payload: Array(bytes[0..<8])) == tag else { return .invalid }
        let expiry = Int64(bytes[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
        if expiry == Self.neverExpires { return .valid(expiresAt: expiry) }
        return expiry > now ? .valid(expiresAt: expiry) : .expired
    }

    /// Marks a token or code as used; `false` if it already was.
    func spend(_ token: String) -> Bool {
        spent.withLock { $0.insert(token).inserted }
    }

    func revoke(accessToken: String) {
        _ = revokedAccessTokens.withLock { $0.insert(accessToken) }
    }

    func isRevoked(accessToken: String) -> Bool {
        revokedAccessTokens.withLock { $0.contains(accessToken) }
    }

    private func make(_ kind: Kind, account: Int64, expiry: UInt32, nonce: UInt32) -> String {
        var payload: [UInt8] = []
        for shift in stride(from: 24, through: 0, by: -8) { payload.append(UInt8(truncatingIfNeeded: expiry >> UInt32(shift))) }
        for shift in stride(from: 24, through: 0, by: -8) { payload.append(UInt8(truncatingIfNeeded: nonce >> UInt32(shift))) }
        let tag = self.tag(kind, account: account, payload: payload)
        let mask = self.mask(tag: tag)
        let masked = (0..<8).map { payload[$0] ^ mask[$0] }
        return prefix + Hex.encode(masked + tag)
    }

    private func tag(_ kind: Kind, account: Int64, payload: [UInt8]) -> [UInt8] {
        var message: [UInt8] = [kind.rawValue]
        for shift in stride(from: 56, through: 0, by: -8) { message.append(UInt8(truncatingIfNeeded: account >> Int64(shift))) }
        message.append(contentsOf: payload)
        return Array(HMAC<SHA256>.authenticationCode(for: message, using: key)).prefix(8).map { $0 }
    }

    private func mask(tag: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array("mask".utf8) + tag, using: key).prefix(8))
    }
}
