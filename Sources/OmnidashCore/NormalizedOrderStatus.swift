/// The one order-status vocabulary every marketplace is mapped to in staging.
///
/// Revenue counts `completed` and `pending` orders; `cancelled` and `refunded` orders are excluded from
/// revenue and counted as refunds.
public enum NormalizedOrderStatus: String, CaseIterable, Sendable, Codable {
    case completed, pending, cancelled, refunded

    /// Whether the order's item value counts as revenue.
    public var countsAsRevenue: Bool { self == .completed || self == .pending }
}
