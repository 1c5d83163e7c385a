import OmnidashCore

/// One Shopee order of the simulated shop, with its whole life decided when it is created.
///
/// What the API reports depends on the world's "now": the status is the latest event at or before it, and
/// `update_time` is that event's time. Everything needed for the ground truth is here; what only the API shows
/// (recipient, package number, message) is derived on demand from `detailSeed`.
struct SimulatedOrder: Sendable {
    let orderSN: String
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
    let detailSeed: UInt64

    struct Line: Sendable {
        /// Index into `SandboxCatalog.units`.
        let unit: Int
        let quantity: Int
        let originalPriceMinor: Int64
        let discountedPriceMinor: Int64
        let promotion: Promotion?
    }

    struct Promotion: Sendable {
        /// Shopee `promotion_type`: `product_promotion` or `flash_sale`.
        let type: String
        let id: Int64
    }

    struct StatusEvent: Sendable {
        let status: ShopeeOrderStatus
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

    func status(at now: Int64) -> ShopeeOrderStatus { event(at: now).status }

    func updateTime(at now: Int64) -> Int64 { event(at: now).time }

    /// When the order reached `status`, if it has by `now`.
    func time(of status: ShopeeOrderStatus, at now: Int64) -> Int64? {
        timeline.first { $0.status == status && $0.time <= now }?.time
    }

    func payTime(at now: Int64) -> Int64? {
        scheduledPayTime.flatMap { $0 <= now ? $0 : nil }
    }

    /// Σ discounted price × quantity, in satang: what the ground truth calls revenue.
    var itemsTotalMinor: Int64 {
        lines.reduce(0) { $0 + $1.discountedPriceMinor * Int64($1.quantity) }
    }

    var units: Int64 {
        lines.reduce(0) { $0 + Int64($1.quantity) }
    }
}

/// How a buyer pays, with the text Shopee Thailand writes in `payment_method`.
enum PaymentMethod: Int, Sendable, CaseIterable {
    case shopeePay, cashOnDelivery, card, mobileBanking, sPayLater

    var displayName: String {
        switch self {
        case .shopeePay: "ShopeePay"
        case .cashOnDelivery: "Cash on Delivery"
        case .card: "Credit/Debit Card"
        case .mobileBanking: "Mobile Banking"
        case .sPayLater: "SPayLater"
        }
    }

    var isCashOnDelivery: Bool { self == .cashOnDelivery }

    /// Shares of Thai marketplace checkouts, in `allCases` order.
    static let weights: [Double] = [0.27, 0.30, 0.18, 0.15, 0.10]
}
