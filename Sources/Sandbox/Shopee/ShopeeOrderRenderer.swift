/// Writes one order object of `shop` exactly as `v2.order.get_order_detail` returns it in `response.order_list[]`,
/// with the shop's own item ids, model ids and SKU codes.
///
/// Default fields always appear; the others only when named in `response_optional_fields` (the doc's list; an
/// object field brings everything under it). Amounts are JSON numbers in baht (`249.5`), times Unix seconds.
struct ShopeeOrderRenderer: Sendable {
    let world: SandboxWorld
    let shop: SandboxShop

    /// Every optional field the emulator knows, in the order they are written.
    static let optionalFields: [String] = [
        "total_amount", "shipping_carrier", "payment_method", "estimated_shipping_fee", "buyer_user_id",
        "buyer_username", "recipient_address", "actual_shipping_fee", "goods_to_declare", "note", "note_update_time",
        "item_list", "pay_time", "dropshipper", "dropshipper_phone", "split_up", "buyer_cancel_reason", "cancel_by",
        "cancel_reason", "actual_shipping_fee_confirmed", "buyer_cpf_id", "fulfillment_flag", "pickup_done_time",
        "package_list", "invoice_data", "checkout_shipping_carrier", "reverse_shipping_fee",
        "order_chargeable_weight_gram",
    ]

    static let allOptionalFields = Set(optionalFields)

    /// Ways a fault can break an order object, rotated so connectors meet several kinds of bad record.
    enum Malformation: Int, CaseIterable, Sendable {
        /// `item_list` arrives as a string of JSON instead of an array.
        case itemListAsString
        /// `order_sn` is missing.
        case missingOrderSN
        /// `total_amount` is the string `"abc"`.
        case totalAmountNotANumber
        /// The first item's `model_quantity_purchased` is negative.
        case negativeQuantity
    }

    private static let logisticsChannels: [String: Int64] = [
        "SPX Express": 70_066, "Flash Express": 70_021, "Kerry Express": 70_020, "J&T Express": 70_025,
    ]

    func write(_ order: SimulatedOrder, fields: Set<String>, malformation: Malformation? = nil,
               into writer: inout JSONWriter)
    {
        let now = world.nowUnix
        let event = order.event(at: now)
        let status = ShopeeOrderStatus(event.status)
        let payTime = order.payTime(at: now)
        let shippedAt = order.time(of: .shipped, at: now)
        var details = SeededGenerator(state: order.detailSeed)
        let message = details.chance(0.08) ? details.pick(ShopeeOrderRenderer.messages) : ""
        let packageNumber = "OFG" + String(100_000_000_000_000 + Int64(details.below(899_999_999)) * 1_000_000
            + Int64(details.below(999_999)))
        let grams = order.lines.reduce(0) { $0 + world.catalog.product(of: $1.unit).weightGrams * $1.quantity }
        let want = { (field: String) in fields.contains(field) }

        writer.beginObject()
        if malformation != .missingOrderSN { writer.field("order_sn", order.orderSN) }
        writer.field("region", shop.region)
        writer.field("currency", shop.currency)
        writer.field("cod", order.payment.isCashOnDelivery)
        if malformation == .totalAmountNotANumber {
            writer.field("total_amount", "abc")
        } else if want("total_amount"), payTime != nil {
            // The doc: total_amount "will only return after the buyer has completed payment".
            writer.amountField("total_amount", minor: order.itemsTotalMinor(at: now) + order.buyerShippingFeeMinor)
        }
        writer.field("order_status", status.rawValue)
        if want("shipping_carrier") { writer.field("shipping_carrier", order.carrier) }
        if want("payment_method") { writer.field("payment_method", Self.paymentMethod(order.payment)) }
        if want("estimated_shipping_fee") { writer.amountField("estimated_shipping_fee", minor: order.estimatedShippingFeeMinor) }
        writer.field("message_to_seller", message)
        writer.field("create_time", order.createTime)
        writer.field("update_time", event.time)
        writer.field("days_to_ship", order.daysToShip)
        let readyAt = order.time(of: .readyToShip, at: now)
        writer.field("ship_by_date", readyAt.map { $0 + Int64(order.daysToShip) * 86_400 } ?? 0)
        if want("buyer_user_id") || want("buyer_username") || want("recipient_address") {
            writeBuyer(order, want: want, into: &writer)
        }
        if want("actual_shipping_fee") { writer.amountField("actual_shipping_fee", minor: shippedAt == nil ? 0 : order.actualShippingFeeMinor) }
        if want("goods_to_declare") { writer.field("goods_to_declare", false) }
        if want("note") { writer.field("note", "") }
        if want("note_update_time") { writer.field("note_update_time", 0) }
        if malformation == .itemListAsString {
            var items = JSONWriter(reservingCapacity: 512)
            writeItems(order, malformation: nil, into: &items)
            writer.field("item_list", String(decoding: items.bytes, as: UTF8.self))
        } else if want("item_list") {
            writer.key("item_list")
            writeItems(order, malformation: malformation, into: &writer)
        }
        if want("pay_time"), let payTime { writer.field("pay_time", payTime) }
        if want("dropshipper") { writer.nullField("dropshipper") }
        if want("dropshipper_phone") { writer.nullField("dropshipper_phone") }
        if want("split_up") { writer.field("split_up", false) }
        let cancelled = status == .cancelled
        let requested = cancelled || status == .inCancel
        if want("buyer_cancel_reason") {
            writer.field("buyer_cancel_reason", requested ? order.cancellation?.buyerReason ?? "" : "")
        }
        if want("cancel_by") { writer.field("cancel_by", cancelled ? order.cancellation?.by ?? "" : "") }
        if want("cancel_reason") { writer.field("cancel_reason", cancelled ? order.cancellation?.reason ?? "" : "") }
        if want("actual_shipping_fee_confirmed") {
            writer.field("actual_shipping_fee_confirmed", order.time(of: .completed, at: now) != nil)
        }
        if want("buyer_cpf_id") { writer.nullField("buyer_cpf_id") }
        if want("fulfillment_flag") { writer.field("fulfillment_flag", "fulfilled_by_local_seller") }
        if want("pickup_done_time") { writer.field("pickup_done_time", shippedAt ?? 0) }
        if want("package_list") {
            writePackage(order, number: packageNumber, status: status, grams: grams, into: &writer)
        }
        if want("invoice_data") { writer.nullField("invoice_data") }
        if want("checkout_shipping_carrier") { writer.field("checkout_shipping_carrier", "Standard Delivery") }
        if want("reverse_shipping_fee") { writer.amountField("reverse_shipping_fee", minor: 0) }
        if want("order_chargeable_weight_gram") { writer.field("order_chargeable_weight_gram", grams) }
        writer.endObject()
    }

    private func writeBuyer(_ order: SimulatedOrder, want: (String) -> Bool, into writer: inout JSONWriter) {
        let buyer = world.buyers.buyer(order.buyerIndex)
        if want("buyer_user_id") { writer.field("buyer_user_id", buyer.userID) }
        if want("buyer_username") { writer.field("buyer_username", buyer.username) }
        if want("recipient_address") {
            writer.key("recipient_address")
            writer.beginObject()
            writer.field("name", buyer.name)
            writer.field("phone", buyer.phone)
            writer.field("town", "")
            writer.field("district", buyer.address.subdistrict)
            writer.field("city", buyer.address.district)
            writer.field("state", buyer.address.province)
            writer.field("region", shop.region)
            writer.field("zipcode", buyer.address.zipcode)
            writer.field("full_address", buyer.address.fullAddress)
            writer.endObject()
        }
    }

    private func writeItems(_ order: SimulatedOrder, malformation: Malformation?, into writer: inout JSONWriter) {
        writer.beginArray()
        let catalog = world.catalog
        for (position, line) in order.lines.enumerated() {
            let unit = catalog.units[line.unit]
            let product = catalog.product(of: line.unit)
            let model = catalog.model(of: line.unit)
            let itemID = catalog.listingID(unit.productIndex, on: shop)
            writer.beginObject()
            writer.field("item_id", itemID)
            writer.field("item_name", product.name)
            writer.field("item_sku", catalog.shopeeItemSKU(unit.productIndex, on: shop))
            writer.field("model_id", catalog.variantID(unit.productIndex, model: unit.modelIndex, on: shop))
            writer.field("model_name", model.name)
            writer.field("model_sku", catalog.shopeeModelSKU(unit.productIndex, model: unit.modelIndex, on: shop))
            let quantity = malformation == .negativeQuantity && position == 0 ? -1 : line.quantity
            writer.field("model_quantity_purchased", quantity)
            writer.amountField("model_original_price", minor: line.originalPriceMinor)
            writer.amountField("model_discounted_price", minor: line.discountedPriceMinor)
            writer.field("wholesale", false)
            writer.key("weight")
            writer.number(ShopeeOrderRenderer.kilograms(grams: product.weightGrams))
            writer.field("add_on_deal", false)
            writer.field("main_item", false)
            writer.field("add_on_deal_id", 0)
            writer.field("promotion_type", line.promotion?.type ?? "")
            writer.field("promotion_id", line.promotion?.id ?? 0)
            writer.field("order_item_id", itemID)
            writer.field("promotion_group_id", 0)
            writer.key("image_info")
            writer.beginObject()
            writer.field("image_url", "https://cf.shopee.co.th/file/th-11134207-sukhon-\(itemID)_tn")
            writer.endObject()
            writer.key("product_location_id")
            writer.beginArray()
            writer.string("THZ4JHS1FY")
            writer.endArray()
            writer.field("is_prescription_item", false)
            writer.field("is_b2c_owned_item", false)
            writer.endObject()
        }
        writer.endArray()
    }

    private func writePackage(_ order: SimulatedOrder, number: String, status: ShopeeOrderStatus, grams: Int,
                              into writer: inout JSONWriter)
    {
        writer.key("package_list")
        writer.beginArray()
        writer.beginObject()
        writer.field("package_number", number)
        writer.field("logistics_status", ShopeeOrderRenderer.logisticsStatus(status, order: order))
        writer.field("shipping_carrier", order.carrier)
        writer.key("item_list")
        writer.beginArray()
        let catalog = world.catalog
        for line in order.lines {
            let unit = catalog.units[line.unit]
            let itemID = catalog.listingID(unit.productIndex, on: shop)
            writer.beginObject()
            writer.field("item_id", itemID)
            writer.field("model_id", catalog.variantID(unit.productIndex, model: unit.modelIndex, on: shop))
            writer.field("model_quantity", line.quantity)
            writer.field("order_item_id", itemID)
            writer.field("promotion_group_id", 0)
            writer.field("product_location_id", "THZ4JHS1FY")
            writer.endObject()
        }
        writer.endArray()
        writer.field("parcel_chargeable_weight_gram", grams)
        writer.nullField("group_shipment_id")
        writer.field("logistics_channel_id", ShopeeOrderRenderer.logisticsChannels[order.carrier] ?? 70_066)
        writer.field("allow_self_design_awb", false)
        writer.field("sorting_group", "")
        writer.endObject()
        writer.endArray()
    }

    /// What Shopee Thailand writes in `payment_method`.
    static func paymentMethod(_ method: PaymentMethod) -> String {
        switch method {
        case .wallet: "ShopeePay"
        case .cashOnDelivery: "Cash on Delivery"
        case .card: "Credit/Debit Card"
        case .mobileBanking: "Mobile Banking"
        case .payLater: "SPayLater"
        }
    }

    /// Shopee's `LogisticsStatus` for the package of an order in `status`.
    static func logisticsStatus(_ status: ShopeeOrderStatus, order: SimulatedOrder) -> String {
        switch status {
        case .unpaid: "LOGISTICS_NOT_START"
        case .readyToShip, .inCancel: "LOGISTICS_READY"
        case .processed, .retryShip: "LOGISTICS_REQUEST_CREATED"
        case .shipped: "LOGISTICS_PICKUP_DONE"
        case .toConfirmReceive, .completed, .toReturn: "LOGISTICS_DELIVERY_DONE"
        case .cancelled:
            switch order.cancellation?.reason {
            case "Failed Delivery": "LOGISTICS_COD_REJECTED"
            case "Unpaid Order": "LOGISTICS_INVALID"
            default: "LOGISTICS_REQUEST_CANCELED"
            }
        case .invoicePending, .pending: "LOGISTICS_PENDING_ARRANGE"
        }
    }

    /// `120` → `"0.12"`, `1000` → `"1"`: a weight in kilograms as a JSON number.
    static func kilograms(grams: Int) -> String {
        let whole = grams / 1_000
        var fraction = String(grams % 1_000)
        guard grams % 1_000 != 0 else { return String(whole) }
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(whole).\(fraction)"
    }

    private static let messages = [
        "ฝากห่อกันกระแทกด้วยนะคะ", "ขอใบกำกับภาษีด้วยค่ะ", "ส่งไวๆนะคะ ขอบคุณค่ะ", "ฝากวางไว้หน้าบ้านได้เลยค่ะ",
        "ซื้อเป็นของขวัญค่ะ ไม่ต้องใส่ใบเสร็จนะคะ",
    ]
}
