/// The Sandbox's Meta app: a system-user access token and the app secret behind `appsecret_proof`.
struct MetaSecrets: Sendable {
    let accessToken: String
    let appSecret: String

    init(seed: UInt64) {
        var generator = SandboxSecrets.generator(seed: seed, platform: .facebookAds)
        // Meta user and system-user tokens start with "EAA" and run to a couple of hundred characters.
        accessToken = "EAAB" + SandboxSecrets.alphanumeric(160, using: &generator)
        appSecret = SandboxSecrets.hex(bytes: 16, using: &generator)
    }
}
