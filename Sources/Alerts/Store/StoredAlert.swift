import Foundation
import OmnidashCore

/// A row of `mart_simple_alerts`: the alert as last raised, and what people did with it.
public struct StoredAlert: Sendable, Equatable {
    public var alert: RaisedAlert
    /// When it was first raised.
    public var generatedAt: Date
    public var lastRaisedAt: Date
    /// When an evaluation last saw it (raised again or not).
    public var updatedAt: Date
    public var acknowledgedAt: Date?
    public var acknowledgedBy: String?
    public var snoozedUntil: Date?

    public var isAcknowledged: Bool { acknowledgedAt != nil }

    public init(alert: RaisedAlert, generatedAt: Date, lastRaisedAt: Date, updatedAt: Date, acknowledgedAt: Date? = nil,
                acknowledgedBy: String? = nil, snoozedUntil: Date? = nil) {
        self.alert = alert
        self.generatedAt = generatedAt
        self.lastRaisedAt = lastRaisedAt
        self.updatedAt = updatedAt
        self.acknowledgedAt = acknowledgedAt
        self.acknowledgedBy = acknowledgedBy
        self.snoozedUntil = snoozedUntil
    }

    /// Snoozed at `now`.
    public func isSnoozed(at now: Date) -> Bool { snoozedUntil.map { $0 > now } ?? false }
}
