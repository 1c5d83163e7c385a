import OmnidashCore

/// What Shopee's ads reports say of one campaign (or the whole shop) on one day, summed from the world's ad rows in
/// integer minor units; `write` renders it in Shopee's field names.
///
/// `broad_*` counts any of the shop's items bought within 7 days of the click, `direct_*` only the clicked item
/// (ecommerce-apis.md §1.5); the world's purchases are the broad ones, its direct share the direct ones.
struct ShopeeAdsMetrics: Sendable {
    var spendMinor: Int64 = 0
    var impressions: Int64 = 0
    var clicks: Int64 = 0
    var broadOrders: Int64 = 0
    var broadGMVMinor: Int64 = 0
    var directOrders: Int64 = 0
    var directGMVMinor: Int64 = 0

    mutating func add(_ row: AdDayPerformance, age: Int) {
        let broad = row.conversions(age: age)
        let direct = row.directConversions(age: age)
        spendMinor += row.spendMinor
        impressions += row.impressions
        clicks += row.clicks
        broadOrders += broad.purchases
        broadGMVMinor += broad.valueMinor
        directOrders += direct.purchases
        directGMVMinor += direct.valueMinor
    }

    /// A ratio as a JSON number with two decimals, 0 over zero (Shopee writes 0, not null).
    private static func ratio(_ numerator: Int64, _ denominator: Int64, scale: Int64 = 1) -> String {
        denominator == 0 ? "0" : AmountText.ratio(numerator * scale, denominator, digits: 2)
    }

    /// The fields of `get_all_cpc_ads_daily_performance` (shop level), after `date`.
    func writeShopFields(into writer: inout JSONWriter) {
        writer.field("impression", impressions)
        writer.field("clicks", clicks)
        writer.key("ctr"); writer.number(Self.ratio(clicks, impressions, scale: 100))
        writer.field("direct_order", directOrders)
        writer.field("broad_order", broadOrders)
        writer.key("direct_conversions"); writer.number(Self.ratio(directOrders, clicks, scale: 100))
        writer.key("broad_conversions"); writer.number(Self.ratio(broadOrders, clicks, scale: 100))
        // One unit per order in the world.
        writer.field("direct_item_sold", directOrders)
        writer.field("broad_item_sold", broadOrders)
        writer.key("direct_gmv"); writer.amount(minor: directGMVMinor)
        writer.key("broad_gmv"); writer.amount(minor: broadGMVMinor)
        writer.key("expense"); writer.amount(minor: spendMinor)
        writer.key("cost_per_conversion"); writer.number(Self.ratio(spendMinor, broadOrders * 100))
        writer.key("direct_roas"); writer.number(Self.ratio(directGMVMinor, spendMinor))
        writer.key("broad_roas"); writer.number(Self.ratio(broadGMVMinor, spendMinor))
    }

    /// The members of one `metrics_list` entry of `get_product_campaign_daily_performance`, after `date`.
    func writeCampaignFields(into writer: inout JSONWriter) {
        writer.field("impression", impressions)
        writer.field("clicks", clicks)
        writer.key("ctr"); writer.number(Self.ratio(clicks, impressions, scale: 100))
        writer.key("expense"); writer.amount(minor: spendMinor)
        writer.key("broad_gmv"); writer.amount(minor: broadGMVMinor)
        writer.field("broad_order", broadOrders)
        writer.field("broad_order_amount", broadOrders)
        writer.key("broad_roi"); writer.number(Self.ratio(broadGMVMinor, spendMinor))
        // Cost over income, in percent.
        writer.key("broad_cir"); writer.number(Self.ratio(spendMinor, broadGMVMinor, scale: 100))
        writer.key("cr"); writer.number(Self.ratio(broadOrders, clicks, scale: 100))
        writer.key("cpc"); writer.number(Self.ratio(spendMinor, clicks * 100))
        writer.field("direct_order", directOrders)
        writer.field("direct_order_amount", directOrders)
        writer.key("direct_gmv"); writer.amount(minor: directGMVMinor)
        writer.key("direct_roi"); writer.number(Self.ratio(directGMVMinor, spendMinor))
        writer.key("direct_cir"); writer.number(Self.ratio(spendMinor, directGMVMinor, scale: 100))
        writer.key("direct_cr"); writer.number(Self.ratio(directOrders, clicks, scale: 100))
        writer.key("cpdc"); writer.number(Self.ratio(spendMinor, directOrders * 100))
    }
}
