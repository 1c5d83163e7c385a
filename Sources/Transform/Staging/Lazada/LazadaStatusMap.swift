import OmnidashCore

/// Lazada item statuses in the one vocabulary of staging (ecommerce-apis.md §2.5), and the rule that makes one order
/// status out of its items' statuses.
enum LazadaStatusMap {
    static let statuses: [String: NormalizedOrderStatus] = [
        "delivered": .completed, "confirmed": .completed,
        "unpaid": .pending, "pending": .pending, "packed": .pending, "repacked": .pending, "ready_to_ship": .pending,
        "shipped": .pending, "topack": .pending, "toship": .pending, "shipping": .pending,
        "canceled": .cancelled, "failed": .cancelled, "failed_delivery": .cancelled, "shipped_back": .cancelled,
        "shipped_back_success": .cancelled, "shipped_back_failed": .cancelled, "lost": .cancelled, "lost_by_3pl": .cancelled,
        "damaged_by_3pl": .cancelled, "package_scrapped": .cancelled,
        "returned": .refunded,
    ]

    /// The normalised status of one item, or `nil` for a status Omnidash does not know (the transform reports it).
    static func normalize(_ status: String) -> NormalizedOrderStatus? {
        statuses[status.lowercased()]
    }

    /// One status for an order whose items each have their own (DECISIONLOG.md, "Lazada"): while any item still
    /// counts as revenue the order does, as `pending` until every such item is completed; an order with no such item
    /// is `refunded` if any item was returned, else `cancelled`.
    static func orderStatus(_ items: [NormalizedOrderStatus]) -> NormalizedOrderStatus {
        let counting = items.filter(\.countsAsRevenue)
        if !counting.isEmpty { return counting.allSatisfy { $0 == .completed } ? .completed : .pending }
        return items.contains(.refunded) ? .refunded : .cancelled
    }
}
