import OmnidashCore
import Warehouse

/// The summable website figures of some sessions over some days, with every ratio computed from the sums (never an
/// average of daily ratios).
///
/// Users are counted once per person per day in the marts, so over several days their sum is user-days: a visitor who
/// came on three days counts three times. New users add up (a person is new once).
public struct WebsiteFigures: Sendable, Hashable, Codable {
    public var sessions: Int64 = 0
    public var engagedSessions: Int64 = 0
    public var userDays: Int64 = 0
    public var newUsers: Int64 = 0
    /// `nil` where the grain has no page views (the audience splits).
    public var pageviews: Int64?
    /// Σ session durations in seconds; `nil` where the grain has none.
    public var durationSeconds: Double?
    public var transactions: Int64 = 0
    public var revenueMinor: Int64 = 0

    public init() {}

    /// The figures of a row holding the columns `sums` selects, each prefixed with `prefix`.
    init(_ row: WarehouseRow, prefix: String = "") {
        sessions = row.int(prefix + "sessions")
        engagedSessions = row.int(prefix + "engaged_sessions")
        userDays = row.int(prefix + "users")
        newUsers = row.int(prefix + "new_users")
        pageviews = row.optionalInt(prefix + "pageviews")
        durationSeconds = row.double(prefix + "duration_seconds")
        transactions = row.int(prefix + "transactions")
        revenueMinor = row.int(prefix + "revenue_minor")
    }

    /// The SQL sums `init(_:prefix:)` reads, for the rows matching `condition` (or all rows). The marts keep the
    /// average duration per row, so the total is the average times the row's sessions. `pageviews: false` for a mart
    /// without page views or durations.
    static func sums(when condition: String? = nil, prefix: String = "", pageviews: Bool = true) -> String {
        func sum(_ expression: String) -> String {
            condition.map { "sum(CASE WHEN \($0) THEN \(expression) END)" } ?? "sum(\(expression))"
        }
        // PostgreSQL sums BIGINTs as NUMERIC: cast back.
        var columns = [("sessions", "sessions"), ("engaged_sessions", "engaged_sessions"), ("users", "users"),
                       ("new_users", "new_users"), ("transactions", "transactions"), ("revenue_minor", "revenue_minor")]
            .map { "CAST(\(sum($0.0)) AS BIGINT) AS \(prefix)\($0.1)" }
        if pageviews {
            columns.append("CAST(\(sum("pageviews")) AS BIGINT) AS \(prefix)pageviews")
            columns.append("\(sum("avg_session_duration * sessions")) AS \(prefix)duration_seconds")
        }
        return columns.joined(separator: ", ")
    }

    /// Returning users' days: each day's users less that day's new users.
    public var returningUserDays: Int64 { max(userDays - newUsers, 0) }
    public var engagementRate: Double? { Self.ratio(Double(engagedSessions), sessions) }
    /// GA4's bounce rate: the sessions that were not engaged, 1 − engagement rate.
    public var bounceRate: Double? { Self.ratio(Double(sessions - engagedSessions), sessions) }
    public var pagesPerSession: Double? { pageviews.flatMap { Self.ratio(Double($0), sessions) } }
    public var averageDurationSeconds: Double? { durationSeconds.flatMap { Self.ratio($0, sessions) } }
    /// Transactions per session.
    public var conversionRate: Double? { Self.ratio(Double(transactions), sessions) }
    public var aov: Double? { Metrics.aov(revenueMinor: revenueMinor, orders: transactions) }

    private static func ratio(_ numerator: Double, _ denominator: Int64) -> Double? {
        denominator == 0 ? nil : numerator / Double(denominator)
    }

    static func + (lhs: WebsiteFigures, rhs: WebsiteFigures) -> WebsiteFigures {
        var sum = lhs
        sum.sessions += rhs.sessions
        sum.engagedSessions += rhs.engagedSessions
        sum.userDays += rhs.userDays
        sum.newUsers += rhs.newUsers
        sum.pageviews = [lhs.pageviews, rhs.pageviews].compactMap { $0 }.reduce(nil) { ($0 ?? 0) + $1 }
        sum.durationSeconds = [lhs.durationSeconds, rhs.durationSeconds].compactMap { $0 }.reduce(nil) { ($0 ?? 0) + $1 }
        sum.transactions += rhs.transactions
        sum.revenueMinor += rhs.revenueMinor
        return sum
    }
}
