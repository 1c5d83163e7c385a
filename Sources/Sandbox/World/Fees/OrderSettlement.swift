import OmnidashCore

/// How one order settles: when the platform releases its money to the seller, and what it withholds.
///
/// Rules (the same on every platform):
/// - An order settles `2…10` days after its `.completed` event (drawn from its `detailSeed`); a platform that pays by
///   daily statements generated at 00:00 UTC, so there the time is moved to the next 00:00 UTC.
/// - It is settled when that time is at or before the world's "now". Before that, or when it never completes
///   (cancelled, still pending), it is unsettled and has no fees.
/// - An order whose life includes a return never settles: the platform holds its money while the return window is
///   open, and the return then cancels the payout. (The alternative, a zero settlement with only kept fees, is not
///   used.)
/// - For a settled order: `settlementMinor = itemsTotalMinor − fees.totalMinor`, where the fees include the seller's
///   share of shipping (`shippingSubsidy`); buyer-paid shipping passes through to the carrier and is in neither.
public struct OrderSettlement: Sendable {
    /// The order's number on its marketplace.
    public let orderID: String
    public let platform: Platform
    public let shopID: Int64
    /// The order's business date: its creation day in the world's calendar.
    public let date: BusinessDate
    public let settled: Bool
    /// When the payout is (or was) released; `nil` for an order that never settles.
    public let settlementTime: Int64?
    /// Σ discounted price × quantity of the order's live lines: the revenue the truth counts.
    public let itemsTotalMinor: Int64
    /// Zero when unsettled.
    public let fees: FeeBreakdown
    /// What the seller receives; zero when unsettled.
    public let settlementMinor: Int64

    /// Shipping as the platforms report it, for the renderings.
    let buyerShippingMinor: Int64
    let actualShippingMinor: Int64
    /// The platform's shipping subsidy: actual − buyer-paid − the seller's share (negative when the buyer paid more
    /// than the carrier charged and the platform keeps the difference).
    let platformShippingSubsidyMinor: Int64
    /// Whether an affiliate creator brought the order (on a shop whose schedule has affiliates).
    let affiliated: Bool
    /// Per line still in the order (unit-basis platforms round fees per unit).
    let lines: [LineFees]

    /// One line's fees, with the per-unit amounts of unit-basis platforms (each unit the same).
    struct LineFees: Sendable {
        let lineIndex: Int
        let quantity: Int
        let unitPriceMinor: Int64
        let unitCommissionMinor: Int64
        let unitTransactionMinor: Int64
        let unitServiceMinor: Int64
    }

    /// Days from completion to release, inclusive range, in seconds.
    static let delay: ClosedRange<Int64> = (2 * 86_400)...(10 * 86_400)
    /// Mixed into an order's `detailSeed` for its settlement stream, so no other draw of the order moves.
    private static let streamKey: UInt64 = 0xFEE5_5E77_1E00_0001

    /// Computes the settlement of `order` of `shop` as of `now`.
    init(order: SimulatedOrder, shop: SandboxShop, now: Int64) {
        var random = SeededGenerator(state: SeededGenerator.mix(order.detailSeed ^ Self.streamKey))
        let delay = random.int64(in: Self.delay)
        let affiliatedRoll = random.unit()
        let schedule = shop.fees
        let completion = order.timeline.first { $0.status == .completed }?.time
        let returned = order.timeline.contains { $0.status == .returned }
        var time: Int64? = returned ? nil : completion.map { $0 + delay }
        if schedule.paysAtNextUTCMidnight, let raw = time {
            time = (raw + 86_399) / 86_400 * 86_400
        }
        let settled = time.map { $0 <= now } ?? false
        let at = time ?? now
        let live = order.lines.indices.filter { !order.isWithdrawn(line: $0, at: at) }
        let items = live.reduce(Int64(0)) { $0 + order.lines[$1].discountedPriceMinor * Int64(order.lines[$1].quantity) }
        let buyerShipping = order.buyerShippingFeeMinor
        let actual = order.actualShippingFeeMinor
        let sellerShipping = buyerShipping == 0 ? min(actual, schedule.freeShippingCoFundMinor) : 0
        let affiliated = affiliatedRoll < schedule.affiliateShare

        var lines: [LineFees] = []
        var fees = FeeBreakdown()
        for index in live {
            let line = order.lines[index]
            let price = line.discountedPriceMinor
            let quantity = Int64(line.quantity)
            switch schedule.basis {
            case .unit:
                let commission = FeeSchedule.percent(price, bps: schedule.commissionBps)
                let transaction = FeeSchedule.percent(price, bps: schedule.transactionBps)
                let service = min(FeeSchedule.percent(price, bps: schedule.serviceBps), schedule.serviceCapMinor)
                lines.append(LineFees(lineIndex: index, quantity: line.quantity, unitPriceMinor: price, unitCommissionMinor: commission,
                                      unitTransactionMinor: transaction, unitServiceMinor: service))
                fees[.commission] += commission * quantity
                fees[.transaction] += transaction * quantity
                fees[.service] += service * quantity
            case .order:
                lines.append(LineFees(lineIndex: index, quantity: line.quantity, unitPriceMinor: price, unitCommissionMinor: 0,
                                      unitTransactionMinor: 0, unitServiceMinor: 0))
                fees[.service] += min(FeeSchedule.percent(price * quantity, bps: schedule.serviceBps), schedule.serviceCapMinor)
            }
        }
        if schedule.basis == .order {
            fees[.commission] = FeeSchedule.percent(items, bps: schedule.commissionBps)
            fees[.transaction] = FeeSchedule.percent(items + buyerShipping, bps: schedule.transactionBps)
        }
        if affiliated { fees[.affiliate] = FeeSchedule.percent(items, bps: schedule.affiliateBps) }
        fees[.shippingSubsidy] = sellerShipping

        self.orderID = order.orderSN
        self.platform = shop.platform
        self.shopID = shop.shopID
        self.date = order.day
        self.settled = settled
        self.settlementTime = time
        self.itemsTotalMinor = items
        self.fees = settled ? fees : FeeBreakdown()
        self.settlementMinor = settled ? items - fees.totalMinor : 0
        self.buyerShippingMinor = buyerShipping
        self.actualShippingMinor = actual
        self.platformShippingSubsidyMinor = actual - buyerShipping - sellerShipping
        self.affiliated = affiliated
        self.lines = lines
    }
}
