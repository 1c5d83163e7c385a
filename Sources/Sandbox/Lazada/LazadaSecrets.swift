import Crypto

/// The Sandbox's Lazada app: its app key and secret, and the key of the MAC inside the tokens it issues.
struct LazadaSecrets: Sendable {
    /// Lazada app keys are six-digit numbers.
    let appKey = "131157"
    let appSecret: String
    let tokenKey: SymmetricKey

    init(seed: UInt64) {
        var generator = SandboxSecrets.generator(seed: seed, platform: .lazada)
        appSecret = SandboxSecrets.alphanumeric(32, using: &generator)
        tokenKey = SymmetricKey(data: SandboxSecrets.key(using: &generator))
    }
}
