import OmnidashCore

/// TikTok Shop order statuses in the one vocabulary of staging (ecommerce-apis.md §3.5). `DELIVERED` is delivered
/// with the return window still open, so pending; only `COMPLETED` is final. A refund is not an order status on
/// TikTok Shop: it comes from the returns (`TikTokShopOrdersStaging`).
enum TikTokShopStatusMap {
    static let statuses: [String: NormalizedOrderStatus] = [
        "COMPLETED": .completed,
        "UNPAID": .pending, "ON_HOLD": .pending, "AWAITING_SHIPMENT": .pending, "PARTIALLY_SHIPPING": .pending,
        "AWAITING_COLLECTION": .pending, "IN_TRANSIT": .pending, "DELIVERED": .pending, "TO_SHIP": .pending,
        "CANCELLED": .cancelled,
    ]

    /// The normalised status, or `nil` for a status Omnidash does not know (the transform reports it).
    static func normalize(_ status: String) -> NormalizedOrderStatus? {
        statuses[status.uppercased()]
    }
}
