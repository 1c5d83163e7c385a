import Foundation
import OmnidashCore

/// Writes the world's orders as Lazada's `/orders/get` and `/order/items/get` objects (ecommerce-apis.md §2.4): one
/// order item per unit (Lazada has no quantity field), a status per item, amounts as two-decimal text, booleans as
/// text, and the buyer's name, phone and addresses as Lazada sends them (Omnidash hashes them before storing).
struct LazadaOrderRenderer {
    let world: SandboxWorld
    let shop: SandboxShop

    /// Malformed records the `malformed` fault rotates through.
    enum Malformation: CaseIterable {
        case missingOrderID, priceNotANumber, createdAtNotADate
    }

    /// Lazada's status of one line at the world's "now".
    func status(_ order: SimulatedOrder, line: Int) -> String {
        let now = world.nowUnix
        if order.isWithdrawn(line: line, at: now) { return "canceled" }
        switch order.status(at: now) {
        case .awaitingPayment: return "unpaid"
        case .readyToShip, .cancelRequested: return "pending"
        case .packed: return "ready_to_ship"
        case .shipped: return "shipped"
        // Lazada's last forward status is `delivered`; the buyer's later confirmation changes only `updated_at`.
        case .delivered, .completed: return "delivered"
        case .cancelled: return order.cancellation?.reason == "Failed Delivery" ? "failed_delivery" : "canceled"
        case .returned: return "returned"
        }
    }

    /// The distinct item statuses, as `statuses` lists them.
    func statuses(_ order: SimulatedOrder) -> [String] {
        var seen: [String] = []
        for line in order.lines.indices {
            let value = status(order, line: line)
            if !seen.contains(value) { seen.append(value) }
        }
        return seen
    }

    func updatedAt(_ order: SimulatedOrder) -> Int64 {
        let now = world.nowUnix
        var time = order.updateTime(at: now)
        if let withdrawn = order.withdrawnLine, withdrawn.time <= now { time = max(time, withdrawn.time) }
        return time
    }

    func writeOrder(_ order: SimulatedOrder, malformation: Malformation?, into writer: inout JSONWriter) {
        let buyer = world.buyers.buyer(order.buyerIndex)
        let names = buyer.name.split(separator: " ", maxSplits: 1).map(String.init)
        let (firstName, lastName) = (names.first ?? buyer.name, names.count > 1 ? names[1] : "")
        let zone = world.calendar.timeZone
        let total = order.lines.reduce(Int64(0)) { $0 + $1.discountedPriceMinor * Int64($1.quantity) }
        writer.beginObject()
        if malformation != .missingOrderID { writer.field("order_id", order.orderSN) }
        writer.field("order_number", order.orderSN)
        writer.field("created_at", malformation == .createdAtNotADate ? "yesterday" : LazadaTime.iso(order.createTime, in: zone))
        writer.field("updated_at", LazadaTime.iso(updatedAt(order), in: zone))
        if malformation == .priceNotANumber { writer.field("price", "n/a") } else { writer.field("price", AmountText.twoDecimals(minor: total)) }
        writer.field("shipping_fee", AmountText.twoDecimals(minor: order.buyerShippingFeeMinor))
        writer.field("shipping_fee_original", AmountText.twoDecimals(minor: order.buyerShippingFeeMinor))
        writer.field("shipping_fee_discount_seller", "0.00")
        writer.field("shipping_fee_discount_platform", "0.00")
        writer.field("voucher", "0.00")
        writer.field("voucher_seller", "0.00")
        writer.field("voucher_platform", "0.00")
        writer.field("voucher_code", "")
        writer.field("items_count", String(order.lines.reduce(0) { $0 + $1.quantity }))
        writer.key("statuses")
        writer.beginArray()
        for value in statuses(order) { writer.string(value) }
        writer.endArray()
        writer.field("payment_method", Self.paymentMethod(order.payment))
        writer.field("customer_first_name", firstName)
        writer.field("customer_last_name", lastName)
        writer.field("is_cancel_pending", order.status(at: world.nowUnix) == .cancelRequested ? "true" : "false")
        writer.field("need_cancel_confirm", "false")
        writer.field("gift_option", "false")
        writer.field("gift_message", "")
        writer.field("remarks", "")
        writer.field("buyer_note", "")
        writer.field("warehouse_code", "dropshipping")
        writer.field("national_registration_number", "")
        writer.field("tax_code", "")
        writer.field("branch_number", "")
        writer.field("delivery_info", "")
        writer.field("promised_shipping_times", "")
        for key in ["address_shipping", "address_billing"] {
            writer.key(key)
            writer.beginObject()
            writer.field("first_name", firstName)
            writer.field("last_name", lastName)
            writer.field("phone", buyer.phone)
            writer.field("phone2", "")
            writer.field("address1", buyer.address.fullAddress)
            writer.field("address2", "")
            writer.field("address3", buyer.address.province)
            writer.field("address4", buyer.address.district)
            writer.field("address5", buyer.address.subdistrict)
            writer.field("city", buyer.address.district)
            writer.field("post_code", buyer.address.zipcode)
            writer.field("country", "Thailand")
            writer.endObject()
        }
        writer.endObject()
    }

    /// One object per unit: a line of quantity 3 is three order items with consecutive ids.
    func writeItems(_ order: SimulatedOrder, into writer: inout JSONWriter) {
        let zone = world.calendar.timeZone
        var itemNumber = 0
        for (index, line) in order.lines.enumerated() {
            let unit = world.catalog.units[line.unit]
            let product = world.catalog.products[unit.productIndex]
            let model = product.models[unit.modelIndex]
            let status = status(order, line: index)
            for _ in 0..<line.quantity {
                itemNumber += 1
                writer.beginObject()
                writer.field("order_item_id", String(Int64(order.orderSN)! * 10 + Int64(itemNumber)))
                writer.field("order_id", order.orderSN)
                writer.field("name", model.name.isEmpty ? product.name : "\(product.name) \(model.name)")
                writer.field("sku", world.catalog.sku(model, on: shop))
                writer.field("shop_sku", "\(world.catalog.listingID(unit.productIndex, on: shop))_TH-\(world.catalog.variantID(unit.productIndex, model: unit.modelIndex, on: shop))")
                writer.field("sku_id", String(world.catalog.variantID(unit.productIndex, model: unit.modelIndex, on: shop)))
                writer.field("product_id", String(world.catalog.listingID(unit.productIndex, on: shop)))
                writer.field("variation", model.name)
                writer.field("item_price", AmountText.twoDecimals(minor: line.discountedPriceMinor))
                writer.field("paid_price", AmountText.twoDecimals(minor: line.discountedPriceMinor))
                writer.field("voucher_amount", "0.00")
                writer.field("voucher_seller", "0.00")
                writer.field("voucher_platform", "0.00")
                writer.field("tax_amount", "0.00")
                writer.field("shipping_amount", itemNumber == 1 ? AmountText.twoDecimals(minor: order.buyerShippingFeeMinor) : "0.00")
                writer.field("currency", shop.currency)
                writer.field("status", status)
                writer.field("reason", status == "canceled" ? (order.isWithdrawn(line: index, at: world.nowUnix) ? "Out of Stock"
                                                                : order.cancellation?.reason ?? "") : "")
                writer.field("cancel_return_initiator", cancelInitiator(order, line: index, status: status))
                writer.field("return_status", status == "returned" ? "refund_paid" : "")
                writer.field("created_at", LazadaTime.iso(order.createTime, in: zone))
                writer.field("updated_at", LazadaTime.iso(updatedAt(order), in: zone))
                writer.field("payment_time", order.payTime(at: world.nowUnix).map { String($0 * 1_000) } ?? "")
                writer.field("shipment_provider", order.carrier)
                writer.field("tracking_code", "")
                writer.field("package_id", "")
                writer.field("is_digital", "0")
                writer.field("is_fbl", "0")
                writer.field("order_type", "Normal")
                writer.endObject()
            }
        }
    }

    private func cancelInitiator(_ order: SimulatedOrder, line: Int, status: String) -> String {
        switch status {
        case "canceled", "failed_delivery":
            if order.isWithdrawn(line: line, at: world.nowUnix) { return "cancellation-seller" }
            return "cancellation-" + (order.cancellation?.by == "buyer" ? "customer" : order.cancellation?.by ?? "system")
        case "returned": return "return-customer"
        default: return ""
        }
    }

    /// Lazada Thailand's payment method codes.
    static func paymentMethod(_ method: PaymentMethod) -> String {
        switch method {
        case .wallet: "LAZADA_WALLET"
        case .cashOnDelivery: "COD"
        case .card: "MIXEDCARD"
        case .mobileBanking: "MOBILE_BANKING"
        case .payLater: "PAY_LATER"
        }
    }
}
