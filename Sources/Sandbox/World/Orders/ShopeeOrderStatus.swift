import OmnidashCore

/// Shopee v2 `order_status` values (ecommerce-apis.md §1.6).
public enum ShopeeOrderStatus: String, CaseIterable, Sendable {
    case unpaid = "UNPAID"
    case readyToShip = "READY_TO_SHIP"
    case processed = "PROCESSED"
    case retryShip = "RETRY_SHIP"
    case shipped = "SHIPPED"
    case toConfirmReceive = "TO_CONFIRM_RECEIVE"
    case inCancel = "IN_CANCEL"
    case cancelled = "CANCELLED"
    case toReturn = "TO_RETURN"
    case completed = "COMPLETED"
    case invoicePending = "INVOICE_PENDING"
    case pending = "PENDING"

    /// The reference's suggested normalisation, which the ground truth uses: revenue counts completed and pending.
    public var normalized: NormalizedOrderStatus {
        switch self {
        case .completed: .completed
        case .cancelled: .cancelled
        case .toReturn: .refunded
        case .unpaid, .pending, .readyToShip, .processed, .retryShip, .shipped, .toConfirmReceive, .invoicePending,
             .inCancel: .pending
        }
    }

    /// Values `get_order_list` accepts as its `order_status` filter.
    static let listFilterValues: Set<String> = [
        "UNPAID", "READY_TO_SHIP", "PROCESSED", "SHIPPED", "COMPLETED", "IN_CANCEL", "CANCELLED", "INVOICE_PENDING",
        "PENDING", "TO_CONFIRM_RECEIVE", "TO_RETURN", "RETRY_SHIP",
    ]
}
