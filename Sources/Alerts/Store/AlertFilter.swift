import OmnidashCore

/// Which stored alerts to list: every field left `nil` lets everything through.
public struct AlertFilter: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        /// Not acknowledged.
        case open
        case acknowledged
    }

    public var status: Status?
    public var severity: RaisedAlert.Severity?
    /// `alert_type` (`roas_low`, …).
    public var type: String?
    public var platform: String?
    /// Business dates, inclusive.
    public var from: BusinessDate?
    public var to: BusinessDate?
    public var limit: Int

    public init(status: Status? = nil, severity: RaisedAlert.Severity? = nil, type: String? = nil, platform: String? = nil,
                from: BusinessDate? = nil, to: BusinessDate? = nil, limit: Int = 1_000) {
        self.status = status
        self.severity = severity
        self.type = type
        self.platform = platform
        self.from = from
        self.to = to
        self.limit = limit
    }
}
