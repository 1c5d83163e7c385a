import OmnidashCore

/// Shopee v2 `order_status` values (ecommerce-apis.md §1.6).
enum ShopeeOrderStatus: String, CaseIterable, Sendable {
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

    /// How Shopee shows an order at each stage of its life.
    init(_ stage: OrderStage) {
        switch stage {
        case .awaitingPayment: self = .unpaid
        case .readyToShip: self = .readyToShip
        case .cancelRequested: self = .inCancel
        case .packed: self = .processed
        case .shipped: self = .shipped
        case .delivered: self = .toConfirmReceive
        case .completed: self = .completed
        case .cancelled: self = .cancelled
        case .returned: self = .toReturn
        }
    }

    /// Values `get_order_list` accepts as its `order_status` filter.
    static let listFilterValues: Set<String> = [
        "UNPAID", "READY_TO_SHIP", "PROCESSED", "SHIPPED", "COMPLETED", "IN_CANCEL", "CANCELLED", "INVOICE_PENDING",
        "PENDING", "TO_CONFIRM_RECEIVE", "TO_RETURN", "RETRY_SHIP",
    ]
}
