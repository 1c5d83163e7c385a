/// The Sandbox's TikTok developer app and the advertiser token it was granted. All come from the seed, so a
/// restarted Sandbox accepts the token it handed out before.
struct TikTokAdsSecrets: Sendable {
    /// TikTok app ids are 19 digits.
    let appID: String
    /// App secrets are 40 lower-case hex characters.
    let secret: String
    /// Marketing API access tokens are 40 lower-case hex characters and do not expire until revoked.
    let accessToken: String

    init(seed: UInt64) {
        var generator = SandboxSecrets.generator(seed: seed, platform: .tiktokAds)
        appID = "7" + String((0..<18).map { _ in Character(String(generator.below(10))) })
        secret = SandboxSecrets.hex(bytes: 20, using: &generator)
        accessToken = SandboxSecrets.hex(bytes: 20, using: &generator)
    }
}
