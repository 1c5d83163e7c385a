import OmnidashCore
import Testing
import Transform

@Suite("Order status vocabulary")
struct OrderStatusMapTests {
    /// Every Shopee v2 order status (ecommerce-apis.md §1.6).
    static let shopeeStatuses = ["UNPAID", "READY_TO_SHIP", "PROCESSED", "RETRY_SHIP", "SHIPPED", "TO_CONFIRM_RECEIVE", "IN_CANCEL",
                                 "CANCELLED", "TO_RETURN", "COMPLETED", "INVOICE_PENDING", "PENDING"]

    @Test func everyShopeeStatusHasANormalisedStatus() {
        for status in Self.shopeeStatuses {
            #expect(OrderStatusMap.normalize(status, platform: .shopee) != nil, "\(status) is not mapped")
        }
        #expect(OrderStatusMap.normalize("COMPLETED", platform: .shopee) == .completed)
        #expect(OrderStatusMap.normalize("CANCELLED", platform: .shopee) == .cancelled)
        #expect(OrderStatusMap.normalize("TO_RETURN", platform: .shopee) == .refunded)
        #expect(OrderStatusMap.normalize("SHIPPED", platform: .shopee) == .pending)
        #expect(OrderStatusMap.normalize("SOMETHING_NEW", platform: .shopee) == nil)
    }
}
