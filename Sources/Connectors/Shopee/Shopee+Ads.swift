import Foundation
import OmnidashCore

/// Shopee Ads (`v2.ads`) on the shop's authorisation: limits and request builders (ecommerce-apis.md §1.4–1.7).
extension Shopee {
    /// The performance endpoints take at most a month; 30 days, both ends included, stays inside it.
    public static let adsWindowDays: Int64 = 30
    /// Ads attribute orders for 7 days after the click, so every sync reads the last 7 days again.
    public static let adsLookbackDays: Int64 = 7
    /// Performance is kept for 6 months; older start dates are refused (`ads.performance.error_date_too_old`).
    public static let adsHistoryMonths = 6
    /// `campaign_id_list` takes at most 100 ids; the id list is read 100 at a time to match.
    public static let adsCampaignBatch = 100

    /// `17-03-2021` → 2021-03-17.
    public static func adsDate(_ text: String) -> BusinessDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return BusinessDate(year: year, month: month, day: day)
    }

    /// 2021-03-17 → `17-03-2021`.
    public static func adsDateText(_ date: BusinessDate) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(two(date.day))-\(two(date.month))-\(date.year)"
    }
}

extension Shopee.Requests {
    /// The shop's CPC ads totals per day, `from` through `through` (both included; they must differ).
    public static func allCPCAdsDailyPerformance(from: BusinessDate, through: BusinessDate) -> Shopee.Call {
        Shopee.Call(method: .get, path: "/api/v2/ads/get_all_cpc_ads_daily_performance",
                    query: [("start_date", Shopee.adsDateText(from)), ("end_date", Shopee.adsDateText(through))],
                    body: nil, signing: .shopAPI)
    }

    /// One page of the shop's product campaign ids, every ad type.
    public static func productLevelCampaignIDList(offset: Int, limit: Int = Shopee.adsCampaignBatch) -> Shopee.Call {
        Shopee.Call(method: .get, path: "/api/v2/ads/get_product_level_campaign_id_list",
                    query: [("ad_type", "all"), ("offset", String(offset)), ("limit", String(limit))], body: nil, signing: .shopAPI)
    }

    /// The common settings (name, status, placement, budget, schedule) of up to 100 campaigns.
    public static func productLevelCampaignSettingInfo(campaignIDs: [String]) -> Shopee.Call {
        precondition((1...Shopee.adsCampaignBatch).contains(campaignIDs.count), "setting info takes 1…100 campaigns")
        return Shopee.Call(method: .get, path: "/api/v2/ads/get_product_level_campaign_setting_info",
                           query: [("info_type_list", "1"), ("campaign_id_list", campaignIDs.joined(separator: ","))],
                           body: nil, signing: .shopAPI)
    }

    /// Daily metrics of up to 100 campaigns, `from` through `through` (both included).
    public static func productCampaignDailyPerformance(campaignIDs: [String], from: BusinessDate, through: BusinessDate) -> Shopee.Call {
        precondition((1...Shopee.adsCampaignBatch).contains(campaignIDs.count), "daily performance takes 1…100 campaigns")
        return Shopee.Call(method: .get, path: "/api/v2/ads/get_product_campaign_daily_performance",
                           query: [("start_date", Shopee.adsDateText(from)), ("end_date", Shopee.adsDateText(through)),
                                   ("campaign_id_list", campaignIDs.joined(separator: ","))],
                           body: nil, signing: .shopAPI)
    }
}
