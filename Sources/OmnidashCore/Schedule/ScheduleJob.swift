/// A job of the timetable, in the seed's order: marketplace orders, ads performance, products, then the marts built
/// after them, then the alerts. Jobs due together run in this order.
public enum ScheduleJob: String, Sendable, CaseIterable, Comparable, Codable {
    case orders, ads, products
    /// Not on a cron: the transform that follows every run of the sync jobs.
    case marts
    case alerts

    /// The jobs a cron expression starts (`marts` follows them).
    public static var timed: [ScheduleJob] { allCases.filter { $0 != .marts } }

    /// The jobs that sync sources.
    public var syncs: Bool { self == .orders || self == .ads || self == .products }

    /// The seed's timetable (§ operations: orders and ads every 6 hours, products daily at 06:00, alerts daily at 07:00).
    public var defaultCron: String? {
        switch self {
        case .orders, .ads: "0 */6 * * *"
        case .products: "0 6 * * *"
        case .marts: nil
        case .alerts: "0 7 * * *"
        }
    }

    public static func < (lhs: ScheduleJob, rhs: ScheduleJob) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
