import Foundation
import OmnidashCore

/// One marketplace order as a staging builder reads it from its raw table, in the platform's own currency and
/// before any conversion: what every marketplace has in common. `OrderStaging` turns it into `stg_orders` and
/// `stg_order_items` rows.
struct MarketplaceOrder: Sendable {
    var orderID: String
    var shopID: String
    var shopName: String?
    /// The platform's own status text, kept beside the normalised one.
    var statusText: String
    var status: NormalizedOrderStatus
    var paymentMethod: String?
    /// The buyer, already a keyed hash.
    var buyerHash: String?
    var currency: Currency
    /// Unix seconds.
    var createdAt: Int64
    var updatedAt: Int64
    var ingestedAt: String
    var lines: [Line]

    struct Line: Sendable {
        var itemID: String
        var modelID: String?
        /// The platform's SKU code.
        var sku: String?
        var productName: String?
        var quantity: Int64
        /// Price paid per unit after discounts, in `currency`, exact.
        var unitPrice: FixedDecimal
        /// List price per unit.
        var originalUnitPrice: FixedDecimal
        /// A line's own status when the platform keeps one per item; `nil` when it is the order's.
        var status: NormalizedOrderStatus? = nil
    }
}
