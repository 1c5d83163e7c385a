import Crypto
import Foundation

/// The Sandbox's TikTok Shop app: its app key and secret, the key of the MAC inside the tokens it issues, and the
/// key the shop's cipher is derived from. All come from the seed, so a restarted Sandbox accepts what it issued.
struct TikTokShopSecrets: Sendable {
    /// TikTok app keys are 13 lower-case letters and digits.
    let appKey: String
    /// TikTok app secrets are 40 lower-case hex characters.
    let appSecret: String
    let tokenKey: SymmetricKey
    private let cipherKey: SymmetricKey

    init(seed: UInt64) {
        var generator = SandboxSecrets.generator(seed: seed, platform: .tiktokShop)
        appKey = "6" + SandboxSecrets.alphanumeric(12, using: &generator).lowercased()
        appSecret = SandboxSecrets.hex(bytes: 20, using: &generator)
        tokenKey = SymmetricKey(data: SandboxSecrets.key(using: &generator))
        cipherKey = SymmetricKey(data: SandboxSecrets.key(using: &generator))
    }

    /// The shop's `cipher`: `ROW_` (shops outside the US) and 32 characters derived from the shop id, opaque to clients.
    func cipher(shopID: Int64) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: Array("cipher:\(shopID)".utf8), using: cipherKey)
        return "ROW_" + String(decoding: Array(mac).map { alphabet[Int($0) % alphabet.count] }, as: UTF8.self)
    }
}
