import Foundation
import OmnidashCore

/// The simulated seller: a Thai beauty brand with a shop on each of its marketplaces and ad accounts on its ad
/// platforms, fully determined by a seed and an as-of date. The world speaks no platform's vocabulary: its orders
/// live through neutral stages and carry the brand's master SKUs; each emulator renders them as its platform does.
///
/// The world holds the complete business days strictly before `asOf`; its "now" is `asOf` 00:00 in the calendar's
/// zone. Every day is generated on demand from random streams seeded by (seed, day), so any day can be produced
/// alone and recently used days are cached; nothing grows with the length of history.
///
/// What is planted for the alerts to find:
/// - every 23 days an outage of the reference marketplace (no orders 09:00–20:00), so the last 30 days always hold a
///   day whose revenue falls by more than 20 % against the day before (`outageDays(from:to:)`);
/// - one campaign (Meta's `TH_Prospecting_Broad_Video`) returns a ROAS near 1.3 while the others return 3–6
///   (`underperformingCampaign`);
/// - the brand's website records a share of the visits its ads and other traffic bring, and a share of marketplace
///   orders were placed by visitors it sent on to the marketplace's checkout (`websiteSessions(on:)`);
/// - conversions of the last seven days are still restating: the served count for day d grows towards its final
///   value as (asOf − d) grows.
public final class SandboxWorld: Sendable {
    public let seed: UInt64
    public let asOf: BusinessDate
    public let calendar: BusinessCalendar
    /// The brand's shops on the marketplaces it sells on (several on one marketplace), the
    /// reference shop first.
    public let shops: [SandboxShop]

    let nowUnix: Int64
    let catalog: SandboxCatalog
    let demand: DemandCalendar
    let serials: OrderSerial
    let buyers: ThaiBuyerDirectory
    let adsPlan: AdsPlan
    let fx: FXRateSeries
    private let orderGenerator: OrderDayGenerator
    private let adGenerator: AdPerformanceGenerator
    private let orderDays = Locked(LRUCache<Int, [SimulatedOrder]>(capacity: 192))
    private let adDays = Locked(LRUCache<Int, [AdDayPerformance]>(capacity: 400))
    let websiteVisitors: WebsiteVisitorGenerator
    let websiteDays: WebsiteDayGenerator
    /// A day's sessions need the visitors of the four weeks before it, so those are kept longer than the sessions.
    let visitorDays = Locked(LRUCache<Int, [WebsiteVisitor]>(capacity: 72))
    let sessionDays = Locked(LRUCache<Int, [WebsiteSession]>(capacity: 24))
    /// The settled orders of recent finance windows (shop index, from, to): a client pages through one window with
    /// many calls.
    let settledWindows = Locked(LRUCache<[Int64], [(order: SimulatedOrder, settlement: OrderSettlement)]>(capacity: 24))

    /// The world with a shop on every marketplace and an account on every ad platform the Sandbox emulates.
    public convenience init(seed: UInt64, asOf: BusinessDate, calendar: BusinessCalendar = .bangkok) {
        self.init(seed: seed, asOf: asOf, calendar: calendar, shops: EmulatorRegistry.shops,
                  adAccounts: EmulatorRegistry.adAccounts)
    }

    /// - Parameters:
    ///   - shops: The brand's shops, the reference shop first.
    ///   - adAccounts: The brand's ad accounts on every ad platform.
    init(seed: UInt64, asOf: BusinessDate, calendar: BusinessCalendar, shops: [SandboxShop],
         adAccounts: [SandboxAdAccount] = EmulatorRegistry.adAccounts) {
        self.seed = seed
        self.asOf = asOf
        self.calendar = calendar
        self.shops = shops
        self.nowUnix = calendar.startOfDay(asOf)
        self.catalog = .shared
        self.demand = DemandCalendar(seed: seed)
        self.serials = OrderSerial(seed: seed)
        self.buyers = ThaiBuyerDirectory(seed: seed)
        self.adsPlan = AdsPlan(accounts: adAccounts)
        self.fx = FXRateSeries(seed: seed)
        self.orderGenerator = OrderDayGenerator(seed: seed, calendar: calendar, demand: demand, serials: serials,
                                                buyers: buyers, catalog: catalog, shops: shops)
        self.adGenerator = AdPerformanceGenerator(seed: seed, plan: adsPlan, demand: demand)
        self.websiteVisitors = WebsiteVisitorGenerator(seed: seed, calendar: calendar, demand: demand, catalog: catalog, plan: adsPlan)
        self.websiteDays = WebsiteDayGenerator(seed: seed, sessions: WebsiteSessionBuilder(seed: seed, calendar: calendar, catalog: catalog),
                                               catalog: catalog)
    }

    /// The world's "now": `asOf` 00:00 in the calendar's zone.
    public var now: Date { Date(timeIntervalSince1970: TimeInterval(nowUnix)) }

    /// The brand's listings (44, two of them unlisted), each with its models.
    public var products: [SandboxProduct] { catalog.products }

    /// The SKU map: every shop's SKU codes with the master SKU, product, category, brand and cost.
    public var skuMap: [SKUMapEntry] { shops.flatMap { catalog.skuMap(for: $0) } }

    /// The brand's first shop on `platform` (the reference shop, on the reference marketplace), if it sells there.
    public func shop(on platform: Platform) -> SandboxShop? {
        shops.first { $0.platform == platform }
    }

    func shopIndex(_ shop: SandboxShop) -> Int {
        shops.firstIndex(of: shop)!
    }

    /// Every ad account of the brand, on every ad platform.
    public var adAccounts: [SandboxAdAccount] { adsPlan.accounts }

    /// The brand's ad accounts on `platform`.
    public func adAccounts(on platform: Platform) -> [SandboxAdAccount] {
        adsPlan.accounts.filter { $0.platform == platform }
    }

    /// The planted campaign whose ROAS stays below 2.
    public var underperformingCampaign: SandboxCampaign {
        adsPlan.accounts.flatMap(\.campaigns).first(where: \.isPlantedUnderperformer)!
    }

    /// The marketplace outage days in the closed range (planted revenue drops of far more than 20 %).
    public func outageDays(from: BusinessDate, to: BusinessDate) -> [BusinessDate] {
        guard from <= to else { return [] }
        return (from...to).filter { $0 < asOf && demand.isOutage($0) }
    }

    /// THB per 1 unit of `currency` on `day`; THB is 1, `nil` for a currency the world does not publish.
    public func fxRate(currency: String, on day: BusinessDate) -> Decimal? {
        fx.rate(currency: currency, on: day)
    }

    // MARK: - Orders

    /// The orders `shop` received on `day` (none on or after `asOf`), ordered by creation time.
    func orders(on day: BusinessDate, shop: SandboxShop) -> [SimulatedOrder] {
        guard day < asOf else { return [] }
        let index = shopIndex(shop)
        let key = day.daysSinceEpoch * shops.count + index
        if let cached = orderDays.withLock({ $0.value(for: key) }) { return cached }
        let orders = orderGenerator.orders(on: day, shop: index)
        orderDays.withLock { $0.insert(orders, for: key) }
        return orders
    }

    /// Generates a day without touching the cache, for long streaming walks such as the export.
    func uncachedOrders(on day: BusinessDate, shop: SandboxShop) -> [SimulatedOrder] {
        day < asOf ? orderGenerator.orders(on: day, shop: shopIndex(shop)) : []
    }

    /// The order of `shop` with this marketplace number, if this world created it before "now".
    func order(number: String, shop: SandboxShop) -> SimulatedOrder? {
        guard let (day, index) = serials.parse(number, shop: shop) else { return nil }
        let orders = orders(on: day, shop: shop)
        guard index < orders.count else { return nil }
        return orders[index]
    }

    // MARK: - Ads

    /// Every ad's delivery on `day` (none on or after `asOf`), in plan order, on every platform.
    func adPerformance(on day: BusinessDate) -> [AdDayPerformance] {
        guard day < asOf else { return [] }
        if let cached = adDays.withLock({ $0.value(for: day.daysSinceEpoch) }) { return cached }
        let rows = adsPlan.ads.indices.compactMap { adGenerator.performance(adIndex: $0, on: day) }
        adDays.withLock { $0.insert(rows, for: day.daysSinceEpoch) }
        return rows
    }

    /// Days between `day` and the world's "now" date: 1 for the last complete day.
    func age(of day: BusinessDate) -> Int { day.distance(to: asOf) }

    /// Converts an amount in `currency` minor units to satang at `day`'s rate, rounding half away from zero.
    func thbMinor(_ minor: Int64, currency: String, on day: BusinessDate) -> Int64 {
        if currency == "THB" { return minor }
        guard let rate = fx.rate(currency: currency, on: day) else { return 0 }
        return AmountText.roundHalfAwayFromZero(Decimal(minor) * rate)
    }
}
