import Hummingbird
import OmnidashCore

/// The Shopee Ads (`v2.ads`) endpoints the brand's reporting uses, on the shop's own authorisation (same partner
/// signature and shop token as every shop API): the shop's daily CPC totals, the product campaigns' ids, settings
/// and daily performance (ecommerce-apis.md §1.4–1.5, §1.7).
///
/// Dates are `DD-MM-YYYY` in the shop's days (Bangkok). Ranges are checked as documented: start not after end,
/// at most a month (30 days, both ends included), not older than 6 months, not after today; the shop-level
/// endpoint also refuses a single day (Shopee sends clients to the hourly endpoint for one day).
/// A shop without ads (the Mall) answers with no campaigns and zero totals, as a shop that never advertised.
extension ShopeeEmulator {
    static let adsPaths: Set<String> = [
        "/api/v2/ads/get_all_cpc_ads_daily_performance", "/api/v2/ads/get_product_level_campaign_id_list",
        "/api/v2/ads/get_product_level_campaign_setting_info", "/api/v2/ads/get_product_campaign_daily_performance",
    ]
    /// The longest range the performance endpoints accept, in days with both ends included.
    static let maximumAdsRangeDays = 30
    /// `campaign_id_list` takes at most 100 ids.
    static let maximumCampaignBatch = 100

    /// The shop's ads account, which the world delivers for.
    static let adAccounts = ShopeeAdAccounts.all

    /// The ad account the shop pays its ads from, if it advertises.
    func adAccount(of shop: SandboxShop) -> SandboxAdAccount? {
        world.adAccounts(on: .shopeeAds).first { $0.id == String(shop.shopID) }
    }

    /// Each campaign's delivery on `day`, by campaign id (campaigns that did not deliver are absent).
    func campaignDelivery(_ account: SandboxAdAccount, on day: BusinessDate) -> [String: ShopeeAdsMetrics] {
        let age = world.age(of: day)
        var result: [String: ShopeeAdsMetrics] = [:]
        for row in world.adPerformance(on: day) {
            let position = world.adsPlan.ads[row.adIndex]
            let owner = world.adsPlan.account(of: position)
            guard owner.platform == .shopeeAds, owner.id == account.id else { continue }
            result[world.adsPlan.campaign(of: position).id, default: ShopeeAdsMetrics()].add(row, age: age)
        }
        return result
    }

    // MARK: - Endpoints

    func getAllCPCAdsDailyPerformance(_ call: ShopCall) throws -> Response {
        let range = try performanceRange(call.query, allowsOneDay: false)
        let account = adAccount(of: call.shop)
        return envelope { writer in
            writer.beginArray()
            for day in range {
                var total = ShopeeAdsMetrics()
                if let account {
                    for metrics in campaignDelivery(account, on: day).values {
                        total.spendMinor += metrics.spendMinor
                        total.impressions += metrics.impressions
                        total.clicks += metrics.clicks
                        total.broadOrders += metrics.broadOrders
                        total.broadGMVMinor += metrics.broadGMVMinor
                        total.directOrders += metrics.directOrders
                        total.directGMVMinor += metrics.directGMVMinor
                    }
                }
                writer.beginObject()
                writer.field("date", Self.shopeeDate(day))
                total.writeShopFields(into: &writer)
                writer.endObject()
            }
            writer.endArray()
        }
    }

    /// Every product campaign's id and type, `offset` / `limit` paged, oldest campaign first.
    func getProductLevelCampaignIDList(_ call: ShopCall) throws -> Response {
        let adType = call.query["ad_type"].flatMap { $0.isEmpty ? nil : $0 } ?? "all"
        guard ["all", "auto", "manual"].contains(adType) else { throw ShopeeError.wrongParameters("ad_type should be all, auto or manual") }
        let offset = call.query["offset"].map { Int($0) } ?? 0
        let limit = call.query["limit"].map { Int($0) } ?? 100
        guard let offset, offset >= 0 else { throw ShopeeError.wrongParameters("offset should be a non-negative integer") }
        guard let limit, (1...5_000).contains(limit) else { throw ShopeeError.wrongParameters("limit should be between 1 and 5000") }
        let campaigns = (adAccount(of: call.shop)?.campaigns ?? [])
            .filter { adType == "all" || $0.shopeeAdType == adType }
        let page = campaigns.dropFirst(offset).prefix(limit)
        return envelope { writer in
            writer.beginObject()
            writer.field("has_next_page", offset + page.count < campaigns.count)
            writer.key("campaign_list")
            writer.beginArray()
            for campaign in page {
                writer.beginObject()
                writer.field("ad_type", campaign.shopeeAdType)
                writer.key("campaign_id"); writer.number(campaign.id)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
    }

    /// The settings of up to 100 campaigns; `info_type_list` 1 (common info) is what is served, other types are
    /// accepted and answered with nothing more.
    func getProductLevelCampaignSettingInfo(_ call: ShopCall) throws -> Response {
        let ids = try campaignIDs(call.query)
        let infoTypes = list("info_type_list", in: call.query)
        guard !infoTypes.isEmpty else { throw ShopeeError.wrongParameters("info_type_list is required") }
        guard infoTypes.allSatisfy({ ["1", "2", "3", "4"].contains($0) }) else {
            throw ShopeeError.wrongParameters("info_type_list should hold 1, 2, 3 or 4")
        }
        let account = adAccount(of: call.shop)
        let campaigns = ids.compactMap { id in account?.campaigns.first { $0.id == id } }
        return envelope { writer in
            writer.beginObject()
            writer.field("shop_id", call.shop.shopID)
            writer.field("region", call.shop.region)
            writer.key("campaign_list")
            writer.beginArray()
            for campaign in campaigns {
                writer.beginObject()
                writer.key("campaign_id"); writer.number(campaign.id)
                if infoTypes.contains("1") {
                    writer.key("common_info")
                    writer.beginObject()
                    writer.field("ad_type", campaign.shopeeAdType)
                    writer.field("ad_name", campaign.name)
                    writer.field("campaign_status", campaign.startDate < world.asOf ? "ongoing" : "scheduled")
                    writer.field("campaign_placement", campaign.shopeePlacement)
                    writer.field("bidding_method", campaign.shopeeAdType == "auto" ? "auto" : "manual")
                    writer.key("campaign_budget"); writer.amount(minor: campaign.effectiveDailyBudgetMinor)
                    writer.key("campaign_duration")
                    writer.beginObject()
                    writer.field("start_time", world.calendar.startOfDay(campaign.startDate))
                    // 0: no end date.
                    writer.field("end_time", 0)
                    writer.endObject()
                    writer.key("item_id_list")
                    writer.beginArray()
                    writer.endArray()
                    writer.endObject()
                }
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
    }

    /// Daily metrics of up to 100 campaigns: one entry per listed campaign of the shop, with a `metrics_list` entry
    /// per day it delivered.
    func getProductCampaignDailyPerformance(_ call: ShopCall) throws -> Response {
        let range = try performanceRange(call.query, allowsOneDay: true)
        let ids = try campaignIDs(call.query)
        let account = adAccount(of: call.shop)
        let campaigns = ids.compactMap { id in account?.campaigns.first { $0.id == id } }
        let days = account.map { account in range.map { (day: $0, delivery: campaignDelivery(account, on: $0)) } } ?? []
        return envelope { writer in
            writer.beginArray()
            writer.beginObject()
            writer.field("shop_id", call.shop.shopID)
            writer.field("region", call.shop.region)
            writer.key("campaign_list")
            writer.beginArray()
            for campaign in campaigns {
                writer.beginObject()
                writer.key("campaign_id"); writer.number(campaign.id)
                writer.field("ad_type", campaign.shopeeAdType)
                writer.field("campaign_placement", campaign.shopeePlacement)
                writer.field("ad_name", campaign.name)
                writer.key("metrics_list")
                writer.beginArray()
                for (day, delivery) in days {
                    guard let metrics = delivery[campaign.id] else { continue }
                    writer.beginObject()
                    writer.field("date", Self.shopeeDate(day))
                    metrics.writeCampaignFields(into: &writer)
                    writer.endObject()
                }
                writer.endArray()
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
            writer.endArray()
        }
    }

    // MARK: - Parameters

    /// `start_date` and `end_date` checked in the documented order.
    func performanceRange(_ query: QueryParameters, allowsOneDay: Bool) throws -> ClosedRange<BusinessDate> {
        let start = try shopeeDate("start_date", in: query)
        let end = try shopeeDate("end_date", in: query)
        guard start <= end else { throw ShopeeAdsError.startLaterThanEnd }
        guard allowsOneDay || start != end else { throw ShopeeAdsError.sameStartEndDates }
        let today = world.asOf
        guard end <= today else { throw ShopeeAdsError.dateInFuture }
        guard start >= today.adding(months: -6) else { throw ShopeeAdsError.dateTooOld }
        guard start.distance(to: end) < Self.maximumAdsRangeDays else { throw ShopeeAdsError.dateRangeTooLong }
        return start...end
    }

    /// A `DD-MM-YYYY` date parameter.
    private func shopeeDate(_ name: String, in query: QueryParameters) throws -> BusinessDate {
        guard let text = query[name], !text.isEmpty else { throw ShopeeError.wrongParameters("\(name) is required") }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
              let date = BusinessDate(year: year, month: month, day: day)
        else { throw ShopeeError.wrongParameters("\(name) should be in DD-MM-YYYY format") }
        return date
    }

    /// `campaign_id_list`: 1…100 comma-separated integers.
    private func campaignIDs(_ query: QueryParameters) throws -> [String] {
        let ids = list("campaign_id_list", in: query)
        guard !ids.isEmpty else { throw ShopeeError.wrongParameters("campaign_id_list is required") }
        guard ids.count <= Self.maximumCampaignBatch else {
            throw ShopeeError.wrongParameters("campaign_id_list should hold at most \(Self.maximumCampaignBatch) ids")
        }
        guard ids.allSatisfy({ Int64($0) != nil }) else { throw ShopeeError.wrongParameters("campaign_id_list should hold integers") }
        return ids
    }

    static func shopeeDate(_ day: BusinessDate) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(two(day.day))-\(two(day.month))-\(day.year)"
    }
}

extension SandboxCampaign {
    /// Shopee's `ad_type`: the world's automatic campaigns are named `Auto_…`.
    var shopeeAdType: String { name.hasPrefix("Auto") ? "auto" : "manual" }

    /// Shopee's `campaign_placement`.
    var shopeePlacement: String {
        if name.hasPrefix("Discovery") { return "discovery" }
        return shopeeAdType == "auto" ? "all" : "search"
    }
}
