import OmnidashCore
import Testing
@testable import Transform

@Suite("Shopee order statuses")
struct ShopeeStatusMapTests {
    /// Every Shopee v2 order status (ecommerce-apis.md §1.6).
    static let shopeeStatuses = ["UNPAID", "READY_TO_SHIP", "PROCESSED", "RETRY_SHIP", "SHIPPED", "TO_CONFIRM_RECEIVE", "IN_CANCEL",
                                 "CANCELLED", "TO_RETURN", "COMPLETED", "INVOICE_PENDING", "PENDING"]

    @Test func everyShopeeStatusHasANormalisedStatus() {
        for status in Self.shopeeStatuses {
            #expect(ShopeeStatusMap.normalize(status) != nil, "\(status) is not mapped")
        }
        #expect(ShopeeStatusMap.normalize("COMPLETED") == .completed)
        #expect(ShopeeStatusMap.normalize("CANCELLED") == .cancelled)
        #expect(ShopeeStatusMap.normalize("TO_RETURN") == .refunded)
        #expect(ShopeeStatusMap.normalize("SHIPPED") == .pending)
        #expect(ShopeeStatusMap.normalize("SOMETHING_NEW") == nil)
    }
}
