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

    public init(warehouse: any Warehouse, currency: Currency = .thb, calendar: BusinessCalendar = .bangkok,
                now: @escaping @Sendable () -> Date = Date.init, logger: Logger = Logger(label: "omnidash.dashboard")) {
        self.warehouse = warehouse
        self.currency = currency
        self.calendar = calendar
        self.now = now
        self.logger = logger
    }

    /// Today in the reporting time zone: presets end the day before.
    public var today: BusinessDate { calendar.date(now()) }
}
