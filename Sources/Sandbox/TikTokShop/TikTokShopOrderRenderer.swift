import Foundation
import OmnidashCore

/// Writes the world's orders as TikTok Shop's order objects (`/order/202309/orders/search` and `/order/202309/orders`,
/// ecommerce-apis.md §3.4): ids as text, times as Unix seconds, every amount as decimal text in baht without trailing
/// zeros (`"199"`, `"249.5"`, `"0.05"`), one line item per unit (TikTok has no quantity field), and the buyer's name,
/// phone and address as TikTok sends them (Omnidash hashes them before storing).
///
/// Stages map to TikTok statuses as follows; a returned order stays `COMPLETED`, its refund is in the Return & Refund
/// API (`TikTokShopReturn`), and its `update_time` stays at its completion.
struct TikTokShopOrderRenderer {
    let world: SandboxWorld
    let shop: SandboxShop

    /// Malformed records the `malformed` fault rotates through.
    enum Malformation: CaseIterable {
        case missingOrderID, salePriceNotANumber, lineItemsNotAnArray
    }

    static func status(_ stage: OrderStage) -> String {
        switch stage {
        case .awaitingPayment: "UNPAID"
        case .readyToShip, .cancelRequested: "AWAITING_SHIPMENT"
        case .packed: "AWAITING_COLLECTION"
        case .shipped: "IN_TRANSIT"
        case .delivered: "DELIVERED"
        case .completed, .returned: "COMPLETED"
        case .cancelled: "CANCELLED"
        }
    }

    static let statuses: Set<String> = [
        "UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "PARTIALLY_SHIPPING", "AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED",
        "COMPLETED", "CANCELLED",
    ]

    static func packageStatus(_ stage: OrderStage) -> String {
        switch stage {
        case .awaitingPayment, .readyToShip, .cancelRequested: "TO_FULFILL"
        case .packed: "PROCESSING"
        case .shipped: "FULFILLING"
        case .delivered, .completed, .returned: "COMPLETED"
        case .cancelled: "CANCELLED"
        }
    }

    /// The order's stage at the world's "now", as TikTok shows it.
    func stage(_ order: SimulatedOrder) -> OrderStage { order.status(at: world.nowUnix) }

    func status(_ order: SimulatedOrder) -> String { Self.status(stage(order)) }

    /// The last change TikTok shows on the order: the return's completion is not one.
    func updateTime(_ order: SimulatedOrder) -> Int64 {
        let now = world.nowUnix
        if order.status(at: now) == .returned, let completed = order.time(of: .completed, at: now) { return completed }
        return order.updateTime(at: now)
    }

    /// Line item ids: `58`, the order's day and rank, the unit's number within the order (3 digits) and 3 digits of
    /// the order's seed; 18 digits like TikTok's.
    func lineItemID(_ order: SimulatedOrder, unit number: Int) -> String {
        "58" + TikTokShopReturn.padded(order.day.daysSinceEpoch, 5) + TikTokShopReturn.padded(order.index, 5)
            + TikTokShopReturn.padded(number, 3) + TikTokShopReturn.padded(Int(order.detailSeed % 1_000), 3)
    }

    /// Every unit of the order in line order: (line item id, line).
    func units(_ order: SimulatedOrder) -> [(id: String, line: SimulatedOrder.Line)] {
        var result: [(String, SimulatedOrder.Line)] = []
        for line in order.lines {
            for _ in 0..<line.quantity { result.append((lineItemID(order, unit: result.count + 1), line)) }
        }
        return result
    }

    func writeOrder(_ order: SimulatedOrder, malformation: Malformation?, into writer: inout JSONWriter) {
        let now = world.nowUnix
        let stage = stage(order)
        let status = Self.status(stage)
        let buyer = world.buyers.buyer(order.buyerIndex)
        var details = SeededGenerator(state: order.detailSeed ^ 0x71C_70C)
        let message = details.chance(0.06) ? details.pick(Self.messages) : ""
        let packageID = "115" + TikTokShopReturn.padded(order.day.daysSinceEpoch, 5) + TikTokShopReturn.padded(order.index, 5)
            + TikTokShopReturn.padded(details.below(1_000_000), 6)
        let original = order.lines.reduce(Int64(0)) { $0 + $1.originalPriceMinor * Int64($1.quantity) }
        let subTotal = order.lines.reduce(Int64(0)) { $0 + $1.discountedPriceMinor * Int64($1.quantity) }
        // Free shipping above ฿499 is TikTok's free-shipping programme: the platform pays the fee the buyer was spared.
        let originalShipping = order.buyerShippingFeeMinor > 0 ? order.buyerShippingFeeMinor : order.estimatedShippingFeeMinor
        let platformShippingDiscount = originalShipping - order.buyerShippingFeeMinor

        writer.beginObject()
        if malformation != .missingOrderID { writer.field("id", order.orderSN) }
        writer.field("status", status)
        writer.field("create_time", order.createTime)
        writer.field("update_time", updateTime(order))
        if let paid = order.payTime(at: now) { writer.field("paid_time", paid) }
        if let packed = order.time(of: .packed, at: now) { writer.field("rts_time", packed) }
        if let collected = order.time(of: .shipped, at: now) { writer.field("collection_time", collected) }
        if let delivered = order.time(of: .delivered, at: now) { writer.field("delivery_time", delivered) }
        if stage == .cancelled, let cancelled = order.time(of: .cancelled, at: now) { writer.field("cancel_time", cancelled) }
        let cancelRequested = order.time(of: .cancelRequested, at: now)
        if let cancelRequested { writer.field("request_cancel_time", cancelRequested) }
        writer.field("is_buyer_request_cancel", stage == .cancelRequested)
        if stage == .cancelled, let cancellation = order.cancellation {
            writer.field("cancellation_initiator", cancellation.by.uppercased())
            writer.field("cancel_reason", cancellation.reason)
        }
        writer.field("user_id", String(7_021_000_000_000_000_000 + buyer.userID))
        writer.field("buyer_email", Self.relayEmail(order.buyerIndex, seed: world.seed))
        writer.field("buyer_message", message)
        writer.field("seller_note", "")
        writer.field("is_cod", order.payment.isCashOnDelivery)
        writer.field("payment_method_name", Self.paymentMethod(order.payment))
        writer.field("shipping_type", "TIKTOK")
        writer.field("fulfillment_type", "FULFILLMENT_BY_SELLER")
        writer.field("delivery_type", "HOME_DELIVERY")
        writer.field("delivery_option_name", "Standard shipping")
        writer.field("shipping_provider", order.carrier)
        writer.field("order_type", "NORMAL")
        writer.field("commerce_platform", "TIKTOK_SHOP")
        writer.field("is_sample_order", false)
        writer.field("is_on_hold_order", false)
        writer.field("is_replacement_order", false)
        writer.field("split_or_combine_tag", "")
        if stage != .cancelled || order.time(of: .packed, at: now) != nil {
            writer.key("packages")
            writer.beginArray()
            writer.beginObject()
            writer.field("id", packageID)
            writer.endObject()
            writer.endArray()
        }
        writer.key("payment")
        writer.beginObject()
        writer.field("currency", shop.currency)
        writer.field("sub_total", Self.amount(subTotal))
        writer.field("shipping_fee", Self.amount(order.buyerShippingFeeMinor))
        writer.field("seller_discount", Self.amount(original - subTotal))
        writer.field("platform_discount", "0")
        writer.field("total_amount", Self.amount(subTotal + order.buyerShippingFeeMinor))
        writer.field("original_total_product_price", Self.amount(original))
        writer.field("original_shipping_fee", Self.amount(originalShipping))
        writer.field("shipping_fee_seller_discount", "0")
        writer.field("shipping_fee_platform_discount", Self.amount(platformShippingDiscount))
        writer.field("tax", "0")
        writer.field("small_order_fee", "0")
        writer.endObject()
        writeRecipient(buyer, into: &writer)
        writer.key("line_items")
        if malformation == .lineItemsNotAnArray {
            writer.string("[]")
        } else {
            writer.beginArray()
            for (index, unit) in units(order).enumerated() {
                writeLineItem(unit.id, unit.line, order: order, stage: stage,
                              brokenPrice: malformation == .salePriceNotANumber && index == 0, into: &writer)
            }
            writer.endArray()
        }
        writer.endObject()
    }

    private func writeLineItem(_ id: String, _ line: SimulatedOrder.Line, order: SimulatedOrder, stage: OrderStage,
                               brokenPrice: Bool, into writer: inout JSONWriter) {
        let unit = world.catalog.units[line.unit]
        let product = world.catalog.products[unit.productIndex]
        let model = product.models[unit.modelIndex]
        writer.beginObject()
        writer.field("id", id)
        writer.field("sku_id", String(world.catalog.variantID(unit.productIndex, model: unit.modelIndex, on: shop)))
        writer.field("product_id", String(world.catalog.listingID(unit.productIndex, on: shop)))
        writer.field("product_name", product.name)
        writer.field("sku_name", model.name.isEmpty ? "Default" : model.name)
        writer.field("seller_sku", world.catalog.sku(model, on: shop))
        writer.field("sku_image", Self.imageURL(productIndex: unit.productIndex))
        writer.field("sku_type", "NORMAL")
        writer.field("currency", shop.currency)
        writer.field("original_price", Self.amount(line.originalPriceMinor))
        writer.field("sale_price", brokenPrice ? "฿" + Self.amount(line.discountedPriceMinor) : Self.amount(line.discountedPriceMinor))
        writer.field("seller_discount", Self.amount(line.originalPriceMinor - line.discountedPriceMinor))
        writer.field("platform_discount", "0")
        writer.field("display_status", Self.status(stage))
        writer.field("package_status", Self.packageStatus(stage))
        writer.field("shipping_provider_name", order.carrier)
        writer.field("is_gift", false)
        if stage == .cancelled, let cancellation = order.cancellation {
            writer.field("cancel_user", cancellation.by.uppercased())
            writer.field("cancel_reason", cancellation.reason)
        }
        writer.endObject()
    }

    private func writeRecipient(_ buyer: ThaiBuyerDirectory.Buyer, into writer: inout JSONWriter) {
        let address = buyer.address
        writer.key("recipient_address")
        writer.beginObject()
        writer.field("name", buyer.name)
        writer.field("phone_number", Self.maskedPhone(buyer.phone))
        writer.field("full_address", address.fullAddress)
        writer.field("address_detail", address.fullAddress)
        writer.field("postal_code", address.zipcode)
        writer.field("region_code", shop.region)
        writer.key("district_info")
        writer.beginArray()
        for (level, levelName, name) in [("L0", "Country", "Thailand"), ("L1", "Province", address.province),
                                         ("L2", "District", address.district), ("L3", "Subdistrict", address.subdistrict)] {
            writer.beginObject()
            writer.field("address_level_name", levelName)
            writer.field("address_name", name)
            writer.field("address_level", level)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    /// Baht as decimal text without trailing zeros: `19900` → `"199"`, `24950` → `"249.5"`.
    static func amount(_ minor: Int64) -> String { AmountText.jsonNumber(minor: minor) }

    /// TikTok masks the recipient's phone in order APIs: `(+66)8******78`.
    static func maskedPhone(_ phone: String) -> String {
        let national = phone.hasPrefix("66") ? String(phone.dropFirst(2)) : phone
        guard national.count > 3 else { return "(+66)" + national }
        return "(+66)" + national.prefix(1) + String(repeating: "*", count: national.count - 3) + national.suffix(2)
    }

    /// TikTok hands sellers a relay address instead of the buyer's own: six characters at `chat.seller.tiktok.com`,
    /// the same for a buyer across orders.
    static func relayEmail(_ buyerIndex: Int, seed: UInt64) -> String {
        var generator = SeededGenerator(state: seed ^ UInt64(buyerIndex) &* 0x9E37_79B9)
        return SandboxSecrets.alphanumeric(6, using: &generator) + "@chat.seller.tiktok.com"
    }

    static func imageURL(productIndex: Int) -> String {
        "https://p16-oec-sg.ibyteimg.com/tos-alisg-i-aphluv4xwc-sg/sukhon-\(productIndex + 1)~tplv-aphluv4xwc-origin-jpeg.jpeg"
    }

    /// The names TikTok Shop Thailand shows for payment methods.
    static func paymentMethod(_ method: PaymentMethod) -> String {
        switch method {
        case .wallet: "TikTok Shop Balance"
        case .cashOnDelivery: "Cash on delivery"
        case .card: "Credit/Debit Card"
        case .mobileBanking: "Mobile Banking"
        case .payLater: "PayLater"
        }
    }

    private static let messages = [
        "ฝากห่อกันกระแทกด้วยนะคะ", "ขอใบกำกับภาษีด้วยค่ะ", "ส่งไวๆ นะคะ ขอบคุณค่ะ", "Please ship asap!", "ไม่ต้องใส่ใบเสร็จในกล่องนะคะ",
    ]
}
