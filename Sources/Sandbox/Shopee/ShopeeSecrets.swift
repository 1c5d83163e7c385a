import Crypto

/// The Sandbox's Shopee app: its partner id and key, and the key of the MAC inside the tokens it issues.
struct ShopeeSecrets: Sendable {
    let partnerID: Int64 = 2_184_403
    /// Shopee partner keys look like `shpk` followed by hex.
    let partnerKey: String
    let tokenKey: SymmetricKey

    init(seed: UInt64) {
        var generator = SandboxSecrets.generator(seed: seed, platform: .shopee)
        partnerKey = "shpk" + SandboxSecrets.hex(bytes: 30, using: &generator)
        tokenKey = SymmetricKey(data: SandboxSecrets.key(using: &generator))
    }
}
