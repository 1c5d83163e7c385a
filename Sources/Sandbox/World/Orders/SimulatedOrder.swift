import OmnidashCore

/// One order of one of the brand's shops, with its whole life decided when it is created.
///
/// What an API reports depends on the world's "now": the stage is the latest event at or before it, and the
/// update time is that event's time. Everything needed for the ground truth is here; what only the API shows
/// (recipient, package number, message) is derived on demand from `detailSeed`.
struct SimulatedOrder: Sendable {
    /// The order's number on its marketplace (an `order_sn` or a numeric `order_id`).
    let orderSN: String
    /// Index into the world's `shops`.
    let shopIndex: Int
    let day: BusinessDate
    /// Rank of the order within its day by creation time.
    let index: Int
    let createTime: Int64
    let lines: [Line]
    let payment: PaymentMethod
    let buyerIndex: Int
    /// Shipping fee paid by the buyer (satang); excluded from revenue.
    let buyerShippingFeeMinor: Int64
    let estimatedShippingFeeMinor: Int64
    let actualShippingFeeMinor: Int64
    let daysToShip: Int
    let carrier: String
    /// Status changes in time order; the first is the creation.
    let timeline: [StatusEvent]
    /// When the buyer paid: shortly after checkout, or at delivery for cash on delivery; `nil` if never.
    let scheduledPayTime: Int64?
    let cancellation: Cancellation?
    /// A line the seller cancelled alone (out of stock), on marketplaces that keep a status per line.
    let withdrawnLine: WithdrawnLine?
    let detailSeed: UInt64

    struct WithdrawnLine: Sendable {
        let index: Int
        let time: Int64
    }

    struct Line: Sendable {
        /// Index into `SandboxCatalog.units`.
        let unit: Int
        let quantity: Int
        let originalPriceMinor: Int64
        let discountedPriceMinor: Int64
        let promotion: Promotion?
    }

    struct Promotion: Sendable {
        /// `product_promotion` or `flash_sale`.
        let type: String
        let id: Int64
    }

    struct StatusEvent: Sendable {
        let status: OrderStage
        let time: Int64
    }

    struct Cancellation: Sendable {
        /// `buyer`, `seller` or `system`.
        let by: String
        let reason: String
        let buyerReason: String
    }

    /// The latest event at or before `now`.
    func event(at now: Int64) -> StatusEvent {
        var current = timeline[0]
        for event in timeline.dropFirst() where event.time <= now {
            current = event
        }
        return current
    }

    func status(at now: Int64) -> OrderStage { event(at: now).status }

    func updateTime(at now: Int64) -> Int64 { event(at: now).time }

    /// When the order reached `status`, if it has by `now`.
    func time(of status: OrderStage, at now: Int64) -> Int64? {
        timeline.first { $0.status == status && $0.time <= now }?.time
    }

    func payTime(at now: Int64) -> Int64? {
        scheduledPayTime.flatMap { $0 <= now ? $0 : nil }
    }

    /// Whether line `index` was cancelled alone by `now`.
    func isWithdrawn(line index: Int, at now: Int64) -> Bool {
        withdrawnLine.map { $0.index == index && $0.time <= now } ?? false
    }

    /// The lines still in the order at `now`.
    func liveLines(at now: Int64) -> [Line] {
        lines.indices.filter { !isWithdrawn(line: $0, at: now) }.map { lines[$0] }
    }

    /// Σ discounted price × quantity of the lines still in the order, in satang: what the ground truth calls revenue.
    func itemsTotalMinor(at now: Int64) -> Int64 {
        liveLines(at: now).reduce(0) { $0 + $1.discountedPriceMinor * Int64($1.quantity) }
    }

    func units(at now: Int64) -> Int64 {
        liveLines(at: now).reduce(0) { $0 + Int64($1.quantity) }
    }
}

/// How a buyer pays; each emulator writes it as its marketplace does.
enum PaymentMethod: Int, Sendable, CaseIterable {
    /// The marketplace's own wallet.
    case wallet
    case cashOnDelivery, card, mobileBanking
    /// The marketplace's buy-now-pay-later (SPayLater, LazPayLater).
    case payLater

    var isCashOnDelivery: Bool { self == .cashOnDelivery }

    /// Shares of Thai marketplace checkouts, in `allCases` order.
    static let weights: [Double] = [0.27, 0.30, 0.18, 0.15, 0.10]
}
