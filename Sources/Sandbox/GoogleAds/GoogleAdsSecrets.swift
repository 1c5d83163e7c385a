import Crypto

/// The Sandbox's Google Cloud OAuth client, the seller's authorisation (a refresh token) and the developer token, all
/// derived from the seed so a restarted Sandbox accepts what it issued before.
struct GoogleAdsSecrets: Sendable {
    let clientID: String
    let clientSecret: String
    let developerToken: String
    /// The refresh token of the manager account's user; Google's refresh tokens do not expire while in use.
    let refreshToken: String
    /// Mints and checks access tokens (`ya29.` prefixed, like Google's).
    let accessTokens: TokenMint

    init(seed: UInt64) {
        var generator = SandboxSecrets.generator(seed: seed, platform: .googleAds)
        let project = String(100_000_000_000 + Int64(generator.below(800_000_000_000)))
        clientID = project + "-" + SandboxSecrets.alphanumeric(32, using: &generator).lowercased() + ".apps.googleusercontent.com"
        clientSecret = "GOCSPX-" + SandboxSecrets.alphanumeric(28, using: &generator)
        developerToken = SandboxSecrets.alphanumeric(22, using: &generator)
        refreshToken = "1//0g" + SandboxSecrets.alphanumeric(98, using: &generator)
        accessTokens = TokenMint(key: SymmetricKey(data: SandboxSecrets.key(using: &generator)), prefix: "ya29.a0")
    }

    /// Access tokens last an hour; the token endpoint says `expires_in: 3599`.
    static let accessTokenLifetime: Int64 = 3_599
    /// The account the mint binds tokens to: the one OAuth user of the Sandbox.
    static let userAccount: Int64 = 1
}
