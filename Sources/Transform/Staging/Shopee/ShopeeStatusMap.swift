import OmnidashCore

/// Shopee v2 order statuses in the one vocabulary of staging (ecommerce-apis.md §1.6).
enum ShopeeStatusMap {
    /// SHIPPED and TO_CONFIRM_RECEIVE are delivered-but-not-final, so pending; IN_CANCEL stays pending until Shopee
    /// confirms the cancellation; TO_RETURN is a return.
    static let statuses: [String: NormalizedOrderStatus] = [
        "UNPAID": .pending, "PENDING": .pending, "READY_TO_SHIP": .pending, "PROCESSED": .pending,
        "RETRY_SHIP": .pending, "SHIPPED": .pending, "TO_CONFIRM_RECEIVE": .pending, "INVOICE_PENDING": .pending,
        "IN_CANCEL": .pending, "COMPLETED": .completed, "CANCELLED": .cancelled, "TO_RETURN": .refunded,
    ]

    /// The normalised status, or `nil` for a status Omnidash does not know (the transform reports it).
    static func normalize(_ status: String) -> NormalizedOrderStatus? {
        statuses[status.uppercased()]
    }
}
