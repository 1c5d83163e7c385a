import OmnidashCore

/// What Sponsored Discovery reports of one campaign (or the store) over a period, summed from the world's ad rows in
/// integer minor units. "Store" figures count any of the store's products bought after the click, "product" figures
/// the promoted product alone: the world's purchases and their direct share.
struct LazadaAdsMetrics: Sendable {
    var spendMinor: Int64 = 0
    var impressions: Int64 = 0
    var clicks: Int64 = 0
    var storeOrders: Int64 = 0
    var storeRevenueMinor: Int64 = 0
    var productOrders: Int64 = 0
    var productRevenueMinor: Int64 = 0
    var storeAddToCart: Int64 = 0
    var productAddToCart: Int64 = 0

    mutating func add(_ row: AdDayPerformance, age: Int) {
        let store = row.conversions(age: age)
        let product = row.directConversions(age: age)
        spendMinor += row.spendMinor
        impressions += row.impressions
        clicks += row.clicks
        storeOrders += store.purchases
        storeRevenueMinor += store.valueMinor
        productOrders += product.purchases
        productRevenueMinor += product.valueMinor
        storeAddToCart += row.addToCart
        productAddToCart += row.addToCart * row.directPermille / 1_000
    }

    mutating func add(_ other: LazadaAdsMetrics) {
        spendMinor += other.spendMinor
        impressions += other.impressions
        clicks += other.clicks
        storeOrders += other.storeOrders
        storeRevenueMinor += other.storeRevenueMinor
        productOrders += other.productOrders
        productRevenueMinor += other.productRevenueMinor
        storeAddToCart += other.storeAddToCart
        productAddToCart += other.productAddToCart
    }

    /// Lazada writes every metric as a string; a ratio over zero is `"0"`.
    static func ratio(_ numerator: Int64, _ denominator: Int64, digits: Int = 2) -> String {
        denominator == 0 ? "0" : AmountText.ratio(numerator, denominator, digits: digits)
    }

    var ctr: String { Self.ratio(clicks * 100, impressions) }
    var cpc: String { Self.ratio(spendMinor, clicks * 100) }
    var storeROI: String { Self.ratio(storeRevenueMinor, spendMinor) }

    /// The members of one `getDiscoveryReportCampaign` row that are metrics, in the sample's names.
    func writeCampaignMetrics(into writer: inout JSONWriter) {
        writer.field("ctr", ctr)
        writer.field("storeRevenue", AmountText.twoDecimals(minor: storeRevenueMinor))
        writer.field("storeCvr", Self.ratio(storeOrders, clicks, digits: 4))
        writer.field("storeA2c", String(storeAddToCart))
        writer.field("storeOrders", String(storeOrders))
        // One unit per order in the world.
        writer.field("productUnitSold", String(productOrders))
        writer.field("impressions", String(impressions))
        writer.field("productCvr", Self.ratio(productOrders, clicks, digits: 4))
        writer.field("productOrders", String(productOrders))
        writer.field("storeRoi", storeROI)
        writer.field("cpc", cpc)
        writer.field("spend", AmountText.twoDecimals(minor: spendMinor))
        writer.field("clicks", String(clicks))
        writer.field("productRevenue", AmountText.twoDecimals(minor: productRevenueMinor))
        writer.field("storeUnitSold", String(storeOrders))
        writer.field("productA2c", String(productAddToCart))
    }
}
