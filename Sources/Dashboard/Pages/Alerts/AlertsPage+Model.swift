import Alerts
import Foundation
import OmnidashCore

extension AlertsPage {
    public struct Model: Sendable {
        public var filters: DashboardFilters
        /// When the page was read: a snooze that ended before it no longer shows.
        public var asOf: Date
        /// The alerts the filters let through, the latest business date first.
        public var alerts: [StoredAlert]
        /// The platforms any stored alert is about, for the platform filter.
        public var platforms: [String]
    }
}
