/// `schedule`: the timetable `omnidash run` keeps (the seed's by default).
///
/// Filled in by the scheduler work; until then it decodes from an empty section.
public struct ScheduleSettings: Sendable, Codable, Equatable {
    public init() {}

    public init(from decoder: any Decoder) throws {}

    public func problems(at path: String) -> [String] { [] }
}
