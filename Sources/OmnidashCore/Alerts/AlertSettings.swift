/// `alerts`: the rules evaluated after every transform and on the schedule (the seed's three by default).
///
/// Filled in by the alerts work; until then it decodes from an empty section.
public struct AlertSettings: Sendable, Codable, Equatable {
    public init() {}

    public init(from decoder: any Decoder) throws {}

    public func problems(at path: String) -> [String] { [] }
}
