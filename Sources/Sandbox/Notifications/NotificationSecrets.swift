/// The notification endpoints' secrets and ids, derived from the seed so that a restarted Sandbox accepts the same
/// configuration.
struct NotificationSecrets: Sendable, Equatable {
    /// What LINE's long-lived channel access tokens look like: long, URL-safe base64.
    let channelAccessToken: String
    /// A user (`U…`) and a group (`C…`), 32 lowercase hex digits each.
    let lineRecipients: [String]
    /// `T…/B…/…`, the webhook's path after `/services/`.
    let slackHook: String
    let smtpUsername: String
    let smtpPassword: String
    let mailFrom = "alerts@omnidash.sandbox"
    let mailTo = ["marketing@brand.sandbox", "owner@brand.sandbox"]

    init(seed: UInt64) {
        // FNV-1a of "notifications": a stream of its own, apart from every platform's.
        let key = "notifications".utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
        var generator = SeededGenerator(seed: seed, stream: .secrets, Int64(bitPattern: key))
        channelAccessToken = SandboxSecrets.alphanumeric(172, using: &generator) + "="
        lineRecipients = ["U" + SandboxSecrets.hex(bytes: 16, using: &generator).lowercased(),
                          "C" + SandboxSecrets.hex(bytes: 16, using: &generator).lowercased()]
        let team = "T" + SandboxSecrets.alphanumeric(10, using: &generator).uppercased()
        let bot = "B" + SandboxSecrets.alphanumeric(10, using: &generator).uppercased()
        slackHook = "\(team)/\(bot)/\(SandboxSecrets.alphanumeric(24, using: &generator))"
        smtpUsername = "alerts@omnidash.sandbox"
        smtpPassword = SandboxSecrets.alphanumeric(20, using: &generator)
    }
}
