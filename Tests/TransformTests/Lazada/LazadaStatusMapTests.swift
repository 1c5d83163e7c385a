import OmnidashCore
import Testing
@testable import Transform

@Suite("Lazada order statuses")
struct LazadaStatusMapTests {
    /// Every Lazada item status (ecommerce-apis.md §2.5), `canceled` with one l.
    static let statuses = ["unpaid", "pending", "packed", "repacked", "ready_to_ship", "shipped", "delivered", "failed", "failed_delivery",
                           "canceled", "returned", "lost", "lost_by_3pl", "damaged_by_3pl", "shipped_back", "shipped_back_success",
                           "shipped_back_failed", "package_scrapped"]

    @Test func everyItemStatusHasANormalisedStatus() {
        for status in Self.statuses { #expect(LazadaStatusMap.normalize(status) != nil, "\(status) is not mapped") }
        #expect(LazadaStatusMap.normalize("delivered") == .completed)
        #expect(LazadaStatusMap.normalize("canceled") == .cancelled)
        #expect(LazadaStatusMap.normalize("returned") == .refunded)
        #expect(LazadaStatusMap.normalize("cancelled") == nil, "Lazada spells it with one l; the other spelling is reported")
    }

    @Test("an order's status from its items' statuses", arguments: [
        ([NormalizedOrderStatus.completed, .completed], NormalizedOrderStatus.completed),
        ([.completed, .cancelled], .completed),
        ([.pending, .completed, .cancelled], .pending),
        ([.cancelled, .refunded], .refunded),
        ([.cancelled, .cancelled], .cancelled),
    ])
    func orderStatus(items: [NormalizedOrderStatus], expected: NormalizedOrderStatus) {
        #expect(LazadaStatusMap.orderStatus(items) == expected)
    }
}
