import OmnidashCore

/// The return behind a returned order, as TikTok's Return & Refund API shows it: TikTok has no returned order
/// status, so the refund is visible only here (ecommerce-apis.md §3.5).
///
/// The world decides only when the order became returned; the return's earlier life is derived from the order's
/// `detailSeed`: the buyer asks one to four days before (never before delivery), the seller approves within hours,
/// the buyer ships the parcel back, and the refund completes exactly at the world's `.returned` event. Before the
/// request the return does not exist. It covers every unit of the order.
struct TikTokShopReturn: Sendable {
    let returnID: String
    let requestTime: Int64
    let approveTime: Int64
    let shipBackTime: Int64
    let completeTime: Int64
    let reasonIndex: Int

    enum Status: String, CaseIterable, Sendable {
        case requestPending = "RETURN_OR_REFUND_REQUEST_PENDING"
        case awaitingBuyerShip = "AWAITING_BUYER_SHIP"
        case buyerShippedItem = "BUYER_SHIPPED_ITEM"
        case complete = "RETURN_OR_REFUND_REQUEST_COMPLETE"
    }

    /// Buyer reasons, as the Seller Center shows them: the reason code and its text.
    static let reasons: [(code: String, text: String)] = [
        ("ecom_order_delivered_refund_and_return_reason_damaged_product", "Damaged product"),
        ("ecom_order_delivered_refund_and_return_reason_wrong_product", "Wrong product"),
        ("ecom_order_delivered_refund_and_return_reason_not_as_described", "Product doesn't match description"),
        ("ecom_order_delivered_refund_and_return_reason_allergic_reaction", "Product caused an allergic reaction"),
        ("ecom_order_delivered_refund_and_return_reason_no_longer_needed", "No longer needed"),
    ]

    /// The order's return, if its life reaches `.returned` (at any time, even after the world's "now").
    init?(_ order: SimulatedOrder) {
        guard let complete = order.timeline.first(where: { $0.status == .returned })?.time,
              let delivered = order.timeline.first(where: { $0.status == .delivered })?.time else { return nil }
        var generator = SeededGenerator(state: order.detailSeed ^ 0x7E7_4E70_2E7A)
        let back = generator.int64(in: 86_400...(4 * 86_400))
        requestTime = max(delivered + 3_600, complete - back)
        let span = complete - requestTime
        approveTime = requestTime + min(generator.int64(in: 1_800...(20 * 3_600)), span / 3)
        shipBackTime = approveTime + (complete - approveTime) * Int64(generator.int(in: 20...60)) / 100
        completeTime = complete
        reasonIndex = generator.below(Self.reasons.count)
        returnID = "40" + Self.padded(order.day.daysSinceEpoch, 5) + Self.padded(order.index, 5)
            + Self.padded(Int(generator.next() % 10_000_000), 7)
    }

    /// Whether the return exists at `now`.
    func exists(at now: Int64) -> Bool { requestTime <= now }

    func status(at now: Int64) -> Status {
        if now >= completeTime { return .complete }
        if now >= shipBackTime { return .buyerShippedItem }
        if now >= approveTime { return .awaitingBuyerShip }
        return .requestPending
    }

    /// The time of the latest change at or before `now`.
    func updateTime(at now: Int64) -> Int64 {
        switch status(at: now) {
        case .complete: completeTime
        case .buyerShippedItem: shipBackTime
        case .awaitingBuyerShip: approveTime
        case .requestPending: requestTime
        }
    }

    /// The day and rank of the order a return id names, if it is shaped like one this emulator issues.
    static func orderKey(_ returnID: String) -> (day: BusinessDate, index: Int)? {
        let digits = Array(returnID.utf8)
        guard digits.count == 19, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              returnID.hasPrefix("40"), let days = Int(String(decoding: digits[2..<7], as: UTF8.self)),
              let index = Int(String(decoding: digits[7..<12], as: UTF8.self)) else { return nil }
        return (BusinessDate(daysSinceEpoch: days), index)
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
