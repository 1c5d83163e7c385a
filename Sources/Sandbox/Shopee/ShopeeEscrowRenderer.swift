/// Writes `v2.payment.get_escrow_detail`'s `response` object for a settled order of `shop`: the world's fees in
/// Shopee's own names, amounts as JSON numbers in baht, fees positive.
///
/// Sources: field names and the shape are those of the official response sample (open.shopee.com
/// v2.payment.get_escrow_detail, reproduced verbatim as `fixtures/v2.payment.get_escrow_detail_resp.json` in
/// Naputt1/go-shopee-v2): `order_sn`, `buyer_user_name`, `return_order_sn_list`, `order_income{escrow_amount,
/// buyer_total_amount, original_price, seller_discount, shopee_discount, voucher_from_seller, voucher_from_shopee,
/// coins, buyer_paid_shipping_fee, buyer_transaction_fee, cross_border_tax, payment_promotion, commission_fee,
/// service_fee, seller_transaction_fee, credit_card_transaction_fee, seller_coin_cash_back, final_shipping_fee,
/// actual_shipping_fee, estimated_shipping_fee, shopee_shipping_rebate, order_ams_commission_fee, escrow_tax,
/// drc_adjustable_refund, seller_return_refund, cost_of_goods_sold, order_original_price, order_discounted_price,
/// order_selling_price, order_seller_discount, items[]…}`. The sample has more fields (taxes of other regions,
/// installation fees…); those that are always 0 for a Thai local shop are written as 0 only when listed above.
///
/// The escrow identity used is the doc's field description of `escrow_amount` (as quoted by the doc-derived
/// aqualaguna/shopee-client types): `escrow_amount = buyer_total_amount + shopee_discount + voucher_from_shopee +
/// coins + payment_promotion − buyer_transaction_fee − cross_border_tax − commission_fee − service_fee −
/// seller_transaction_fee − seller_coin_cash_back − escrow_tax − drc_adjustable_refund + final_shipping_fee`.
/// UNVERIFIED, my reading: `final_shipping_fee = shopee_shipping_rebate − actual_shipping_fee`, so that with
/// `buyer_total_amount` including the buyer's shipping, `−(final_shipping_fee + buyer_paid_shipping_fee)` is the
/// seller's own share of shipping. `credit_card_transaction_fee` repeats `seller_transaction_fee` as in the sample
/// (both 0.24 there); it is not a second fee. `order_ams_commission_fee` (affiliate) is 0: the world's Shopee orders
/// have no affiliate.
struct ShopeeEscrowRenderer: Sendable {
    let world: SandboxWorld
    let shop: SandboxShop

    func write(_ order: SimulatedOrder, _ settlement: OrderSettlement, into writer: inout JSONWriter) {
        let fees = settlement.fees
        let items = settlement.itemsTotalMinor
        let buyerShipping = settlement.buyerShippingMinor
        let original = settlement.lines.reduce(Int64(0)) { $0 + order.lines[$1.lineIndex].originalPriceMinor * Int64($1.quantity) }
        let buyerTotal = items + buyerShipping
        let finalShipping = -(buyerShipping + fees[.shippingSubsidy])
        let escrow = buyerTotal - fees[.commission] - fees[.service] - fees[.transaction] - fees[.affiliate] + finalShipping
            - fees[.sellerVoucher] - fees[.platformVoucher] - fees[.other]

        writer.beginObject()
        writer.field("order_sn", order.orderSN)
        writer.field("buyer_user_name", world.buyers.buyer(order.buyerIndex).username)
        writer.key("return_order_sn_list")
        writer.beginArray()
        writer.endArray()
        writer.key("order_income")
        writer.beginObject()
        writer.amountField("escrow_amount", minor: escrow)
        writer.amountField("buyer_total_amount", minor: buyerTotal)
        writer.amountField("original_price", minor: original)
        writer.amountField("seller_discount", minor: original - items)
        writer.amountField("shopee_discount", minor: 0)
        writer.amountField("voucher_from_seller", minor: fees[.sellerVoucher])
        writer.amountField("voucher_from_shopee", minor: 0)
        writer.amountField("coins", minor: 0)
        writer.amountField("buyer_paid_shipping_fee", minor: buyerShipping)
        writer.amountField("buyer_transaction_fee", minor: 0)
        writer.amountField("cross_border_tax", minor: 0)
        writer.amountField("payment_promotion", minor: 0)
        writer.amountField("commission_fee", minor: fees[.commission])
        writer.amountField("service_fee", minor: fees[.service])
        writer.amountField("seller_transaction_fee", minor: fees[.transaction])
        writer.amountField("credit_card_transaction_fee", minor: fees[.transaction])
        writer.amountField("seller_coin_cash_back", minor: 0)
        writer.amountField("escrow_tax", minor: 0)
        writer.amountField("drc_adjustable_refund", minor: 0)
        writer.amountField("seller_return_refund", minor: 0)
        writer.amountField("final_shipping_fee", minor: finalShipping)
        writer.amountField("actual_shipping_fee", minor: settlement.actualShippingMinor)
        writer.amountField("estimated_shipping_fee", minor: order.estimatedShippingFeeMinor)
        writer.amountField("shopee_shipping_rebate", minor: settlement.platformShippingSubsidyMinor)
        writer.amountField("order_ams_commission_fee", minor: fees[.affiliate])
        writer.amountField("cost_of_goods_sold", minor: items)
        writer.amountField("original_cost_of_goods_sold", minor: items)
        writer.amountField("order_original_price", minor: original)
        writer.amountField("order_discounted_price", minor: items)
        writer.amountField("order_selling_price", minor: items)
        writer.amountField("order_seller_discount", minor: original - items)
        writer.field("buyer_payment_method", ShopeeOrderRenderer.paymentMethod(order.payment))
        writer.field("instalment_plan", "N/A")
        writer.key("seller_voucher_code")
        writer.beginArray()
        writer.endArray()
        writer.key("items")
        writeItems(order, settlement, into: &writer)
        writer.endObject()
        writer.endObject()
    }

    /// One entry per order line; `original_price` and `discounted_price` are the line's subtotal ("the subtotal of
    /// that specific item if quantity exceeds 1", per the doc).
    private func writeItems(_ order: SimulatedOrder, _ settlement: OrderSettlement, into writer: inout JSONWriter) {
        let catalog = world.catalog
        writer.beginArray()
        for entry in settlement.lines {
            let line = order.lines[entry.lineIndex]
            let unit = catalog.units[line.unit]
            let quantity = Int64(line.quantity)
            writer.beginObject()
            writer.field("item_id", catalog.listingID(unit.productIndex, on: shop))
            writer.field("item_name", catalog.product(of: line.unit).name)
            writer.field("item_sku", catalog.shopeeItemSKU(unit.productIndex, on: shop))
            writer.field("model_id", catalog.variantID(unit.productIndex, model: unit.modelIndex, on: shop))
            writer.field("model_name", catalog.model(of: line.unit).name)
            writer.field("model_sku", catalog.shopeeModelSKU(unit.productIndex, model: unit.modelIndex, on: shop))
            writer.field("quantity_purchased", line.quantity)
            writer.amountField("original_price", minor: line.originalPriceMinor * quantity)
            writer.amountField("discounted_price", minor: line.discountedPriceMinor * quantity)
            writer.amountField("selling_price", minor: line.discountedPriceMinor * quantity)
            writer.amountField("seller_discount", minor: (line.originalPriceMinor - line.discountedPriceMinor) * quantity)
            writer.amountField("shopee_discount", minor: 0)
            writer.amountField("discount_from_coin", minor: 0)
            writer.amountField("discount_from_voucher_shopee", minor: 0)
            writer.amountField("discount_from_voucher_seller", minor: 0)
            writer.amountField("ams_commission_fee", minor: 0)
            writer.field("activity_type", "")
            writer.field("activity_id", 0)
            writer.field("is_main_item", false)
            writer.key("promotion_list")
            writer.beginArray()
            if let promotion = line.promotion {
                writer.beginObject()
                writer.field("promotion_id", promotion.id)
                writer.field("promotion_type", promotion.type)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
    }
}
