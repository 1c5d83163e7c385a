import Foundation
import Logging
import Metrics
import OmnidashCore
import Warehouse

/// What the dashboard needs from the outside world; tests pass a test warehouse and a pinned clock.
public struct DashboardEnvironment: Sendable {
    public var warehouse: any Warehouse
    public var currency: Currency
    public var calendar: BusinessCalendar
    public var now: @Sendable () -> Date
    public var logger: Logger
    /// `dashboard:` settings: the public URL (cookies are `Secure` behind https) and the `/metrics` token.
    public var settings: OmnidashConfiguration.DashboardSettings
    /// The timetable, for the Operations page's next runs.
    public var schedule: ScheduleSettings
    /// The Prometheus text exposition of the process's metrics; `nil` serves `/metrics` empty.
    public var metricsText: (@Sendable () -> String)?
    /// Where page latencies are recorded; `nil` is the process's bootstrapped factory. Tests pass one over their own
    /// registry, together with that registry's `metricsText`.
    public var metricsFactory: (any MetricsFactory)?
    /// Each configured platform's restatement window in days (`Operations.restatementDays(_:)`), for the Operations
    /// page's provisional days; a platform not listed uses the alerts' default.
    public var restatementDays: [Platform: Int]
    /// Who may sign in and their sessions; by default kept in `warehouse`. Tests over a stub warehouse pass accounts
    /// over a real one, and a low bcrypt cost.
    public var accounts: UserAccounts

    public init(warehouse: any Warehouse, currency: Currency = .thb, calendar: BusinessCalendar = .bangkok,
                now: @escaping @Sendable () -> Date = Date.init, logger: Logger = Logger(label: "omnidash.dashboard"),
                settings: OmnidashConfiguration.DashboardSettings = .init(), schedule: ScheduleSettings = .init(),
                metricsText: (@Sendable () -> String)? = nil, metricsFactory: (any MetricsFactory)? = nil,
                accounts: UserAccounts? = nil, restatementDays: [Platform: Int] = [:]) {
        self.warehouse = warehouse
        self.currency = currency
        self.calendar = calendar
        self.now = now
        self.logger = logger
        self.settings = settings
        self.schedule = schedule
        self.metricsText = metricsText
        self.metricsFactory = metricsFactory
        self.restatementDays = restatementDays
        self.accounts = accounts ?? UserAccounts(warehouse: warehouse)
    }

    /// Today in the reporting time zone: presets end the day before.
    public var today: BusinessDate { calendar.date(now()) }
}
