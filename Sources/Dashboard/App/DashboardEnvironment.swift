import Foundation
import Logging
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

    public init(warehouse: any Warehouse, currency: Currency = .thb, calendar: BusinessCalendar = .bangkok,
                now: @escaping @Sendable () -> Date = Date.init, logger: Logger = Logger(label: "omnidash.dashboard"),
                settings: OmnidashConfiguration.DashboardSettings = .init(), schedule: ScheduleSettings = .init(),
                metricsText: (@Sendable () -> String)? = nil) {
        self.warehouse = warehouse
        self.currency = currency
        self.calendar = calendar
        self.now = now
        self.logger = logger
        self.settings = settings
        self.schedule = schedule
        self.metricsText = metricsText
    }

    /// Today in the reporting time zone: presets end the day before.
    public var today: BusinessDate { calendar.date(now()) }
}
