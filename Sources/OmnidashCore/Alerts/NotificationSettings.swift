/// `notifications`: where alerts are delivered (LINE, Slack, e-mail) and in which language.
///
/// Filled in by the notifications work; until then it decodes from an empty section.
public struct NotificationSettings: Sendable, Codable, Equatable {
    public init() {}

    public init(from decoder: any Decoder) throws {}

    public func problems(at path: String) -> [String] { [] }
}
