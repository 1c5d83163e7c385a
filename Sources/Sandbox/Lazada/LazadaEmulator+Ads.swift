import Hummingbird
import OmnidashCore

/// Lazada Sponsored Solutions (Sponsored Discovery, `bizCode=sponsoredSearch`) on the seller's own authorisation:
/// the campaign report (`getDiscoveryReportCampaign`, one row per campaign totalled over `startDate…endDate`),
/// the overview and its daily series, and the campaigns with their budgets (ecommerce-apis.md §2.3–2.4).
///
/// Dates are `yyyy-MM-dd` seller days (Bangkok); metrics are strings as in the documentation's samples. The report
/// has no per-day breakdown: a client asks for one day at a time with `startDate == endDate`.
extension LazadaEmulator {
    /// The seller's Sponsored Discovery account, which the world delivers for.
    static let adAccounts = LazadaAdAccounts.all

    /// Phase 1 of the API serves Sponsored Discovery only.
    static let sponsoredDiscovery = "sponsoredSearch"
    /// `pageNo` and `pageSize` are at most 100.
    static let maximumSponsorPage = 100
    /// A campaign without an end date ends, in Lazada's answers, in the year 3020.
    static let openEndDate = "3020-12-30"

    var adAccount: SandboxAdAccount? {
        world.adAccounts(on: .lazadaAds).first { $0.id == String(shop.shopID) }
    }

    /// Each campaign's delivery over `days`, by campaign id.
    func campaignDelivery(over days: ClosedRange<BusinessDate>) -> [String: LazadaAdsMetrics] {
        guard let account = adAccount else { return [:] }
        var result: [String: LazadaAdsMetrics] = [:]
        for day in days where day < world.asOf {
            let age = world.age(of: day)
            for row in world.adPerformance(on: day) {
                let position = world.adsPlan.ads[row.adIndex]
                let owner = world.adsPlan.account(of: position)
                guard owner.platform == .lazadaAds, owner.id == account.id else { continue }
                result[world.adsPlan.campaign(of: position).id, default: LazadaAdsMetrics()].add(row, age: age)
            }
        }
        return result
    }

    /// The store's delivery on each day of `days`.
    func storeDelivery(on day: BusinessDate) -> LazadaAdsMetrics {
        campaignDelivery(over: day...day).values.reduce(into: LazadaAdsMetrics()) { $0.add($1) }
    }

    // MARK: - Endpoints

    func getDiscoveryReportCampaign(_ call: Call) throws -> Response {
        do {
            let parameters = call.parameters
            let range = try sponsorRange(parameters)
            let pageNo = try sponsorInteger("pageNo", parameters, range: 1...Self.maximumSponsorPage)
            let pageSize = try sponsorInteger("pageSize", parameters, range: 1...Self.maximumSponsorPage)
            let campaignID = parameters["campaignId"].flatMap { $0.isEmpty ? nil : $0 }
            let campaignType = parameters["campaignType"].flatMap { $0.isEmpty ? nil : $0 }
            let productType = parameters["productType"].flatMap { $0.isEmpty ? nil : $0 }
            if let campaignType, !["1", "2"].contains(campaignType) { throw LazadaSponsorError.invalidParameter("campaignType should be 1 or 2") }
            if let productType, !["N", "J"].contains(productType) { throw LazadaSponsorError.invalidParameter("productType should be N or J") }
            let campaigns = (adAccount?.campaigns ?? []).filter { campaign in
                campaign.startDate <= range.upperBound && campaignID.map { $0 == campaign.id } != false
                    && campaignType.map { $0 == campaign.lazadaCampaignType } != false
                    && productType.map { $0 == campaign.lazadaProductType } != false
            }
            let page = campaigns.dropFirst((pageNo - 1) * pageSize).prefix(pageSize)
            let delivery = campaignDelivery(over: range)
            return sponsorReport(totalCount: campaigns.count) { writer in
                for campaign in page {
                    writer.beginObject()
                    writer.field("campaignObjective", "null")
                    writer.field("campaignType", campaign.lazadaCampaignType)
                    writer.field("campaignId", campaign.id)
                    writer.field("campaignName", campaign.name)
                    writer.field("productType", campaign.lazadaProductType)
                    writer.field("dayBudget", AmountText.jsonNumber(minor: campaign.effectiveDailyBudgetMinor))
                    (delivery[campaign.id] ?? LazadaAdsMetrics()).writeCampaignMetrics(into: &writer)
                    writer.endObject()
                }
            }
        } catch let error as LazadaSponsorError {
            return error.response
        }
    }

    func getReportOverview(_ call: Call) throws -> Response {
        do {
            let parameters = call.parameters
            try checkBizCode(parameters)
            let range = try sponsorRange(parameters)
            var last: ClosedRange<BusinessDate>?
            if parameters["lastStartDate"].map({ !$0.isEmpty }) == true || parameters["lastEndDate"].map({ !$0.isEmpty }) == true {
                last = try sponsorRange(parameters, start: "lastStartDate", end: "lastEndDate")
            }
            func totals(_ days: ClosedRange<BusinessDate>?) -> LazadaAdsMetrics {
                days.map { campaignDelivery(over: $0).values.reduce(into: LazadaAdsMetrics()) { $0.add($1) } } ?? LazadaAdsMetrics()
            }
            func write(_ metrics: LazadaAdsMetrics, into writer: inout JSONWriter) {
                writer.beginObject()
                writer.field("ctr", metrics.ctr)
                writer.field("revenue", AmountText.twoDecimals(minor: metrics.storeRevenueMinor))
                writer.field("spend", AmountText.twoDecimals(minor: metrics.spendMinor))
                writer.field("unitsSold", String(metrics.storeOrders))
                writer.field("cpc", metrics.cpc)
                writer.field("clicks", String(metrics.clicks))
                writer.field("impressions", String(metrics.impressions))
                writer.field("roi", metrics.storeROI)
                writer.endObject()
            }
            let current = totals(range), previous = totals(last)
            return sponsorEnvelope { writer in
                writer.beginObject()
                writer.key("lastReportOverviewDetailDTO")
                write(previous, into: &writer)
                writer.key("reportOverviewDetailDTO")
                write(current, into: &writer)
                writer.endObject()
            }
        } catch let error as LazadaSponsorError {
            return error.response
        }
    }

    /// One metric's daily series: `dateList` (each day's start, epoch milliseconds) aligned with `metricList`.
    func getReportOverviewMetric(_ call: Call) throws -> Response {
        do {
            let parameters = call.parameters
            try checkBizCode(parameters)
            let metricType = try sponsorInteger("metricType", parameters, range: 1...11)
            let range = try sponsorRange(parameters)
            return sponsorEnvelope { writer in
                writer.beginObject()
                writer.key("metricList")
                writer.beginArray()
                for day in range { writer.number(Self.metric(metricType, of: storeDelivery(on: day))) }
                writer.endArray()
                writer.key("dateList")
                writer.beginArray()
                for day in range { writer.int(world.calendar.startOfDay(day) * 1_000) }
                writer.endArray()
                writer.key("hourList")
                writer.beginArray()
                writer.endArray()
                writer.endObject()
            }
        } catch let error as LazadaSponsorError {
            return error.response
        }
    }

    /// The seller's campaigns with their budgets, statuses and schedules, and their metrics over the dates given.
    func searchCampaignList(_ call: Call) throws -> Response {
        do {
            let parameters = call.parameters
            try checkBizCode(parameters)
            let range = try sponsorRange(parameters)
            let pageNo = try sponsorInteger("pageNo", parameters, range: 1...Self.maximumSponsorPage)
            let pageSize = try sponsorInteger("pageSize", parameters, range: 1...Self.maximumSponsorPage)
            let onlineStatus = parameters["onlineStatus"].flatMap { $0.isEmpty ? nil : $0 }
            if let onlineStatus, !["0", "1", "9"].contains(onlineStatus) {
                throw LazadaSponsorError.invalidParameter("onlineStatus should be 0, 1 or 9")
            }
            // Every campaign of the world is switched on and online.
            let campaigns = (adAccount?.campaigns ?? []).filter { _ in onlineStatus.map { $0 == "1" } != false }
            let page = campaigns.dropFirst((pageNo - 1) * pageSize).prefix(pageSize)
            let delivery = campaignDelivery(over: range)
            var writer = JSONWriter(reservingCapacity: 4_096)
            writer.beginObject()
            writer.key("result")
            writer.beginArray()
            for campaign in page {
                let metrics = delivery[campaign.id] ?? LazadaAdsMetrics()
                let scheduled = campaign.startDate <= world.asOf
                writer.beginObject()
                writer.field("ctr", metrics.ctr)
                writer.field("campaignDailyBudgetStatus", "1")
                writer.field("endDate", Self.openEndDate)
                writer.field("storeRevenue", AmountText.twoDecimals(minor: metrics.storeRevenueMinor))
                writer.field("campaignId", campaign.id)
                writer.field("storeOrders", String(metrics.storeOrders))
                writer.field("impressions", String(metrics.impressions))
                writer.field("storeUnitsSold", String(metrics.storeOrders))
                writer.field("campaignSwitchStatus", "1")
                writer.field("adAccountBalanceStatus", "1")
                writer.field("storeRoi", metrics.storeROI)
                writer.field("dailyBudget", AmountText.jsonNumber(minor: campaign.effectiveDailyBudgetMinor))
                writer.field("cpc", metrics.cpc)
                writer.field("spend", AmountText.twoDecimals(minor: metrics.spendMinor))
                writer.field("campaignScheduleStatus", scheduled ? "1" : "0")
                writer.field("clicks", String(metrics.clicks))
                writer.field("campaignName", campaign.name)
                writer.field("haveActiveAdStatus", "1")
                writer.field("startDate", campaign.startDate.description)
                writer.field("status", scheduled ? "1" : "0")
                writer.endObject()
            }
            writer.endArray()
            writer.field("code", "0")
            writer.field("success", "true")
            writer.field("analyseTraceId", "null")
            writer.field("totalCount", String(campaigns.count))
            writer.field("request_id", HTTPReply.requestID())
            writer.field("errorMsg", "null")
            writer.endObject()
            return HTTPReply.json(.ok, writer.bytes)
        } catch let error as LazadaSponsorError {
            return error.response
        }
    }

    // MARK: - Parameters and envelopes

    private func checkBizCode(_ parameters: QueryParameters) throws {
        guard let bizCode = parameters["bizCode"], !bizCode.isEmpty else { throw LazadaSponsorError.invalidParameter("bizCode is required") }
        guard bizCode == Self.sponsoredDiscovery else {
            throw LazadaSponsorError.invalidParameter("bizCode \(bizCode) is not supported, use sponsoredSearch")
        }
    }

    /// A `yyyy-MM-dd` range, start not after end.
    private func sponsorRange(_ parameters: QueryParameters, start: String = "startDate", end: String = "endDate") throws
        -> ClosedRange<BusinessDate> {
        func date(_ name: String) throws -> BusinessDate {
            guard let text = parameters[name], !text.isEmpty else { throw LazadaSponsorError.invalidParameter("\(name) is required") }
            guard text.count == 10, let date = BusinessDate(text) else {
                throw LazadaSponsorError.invalidParameter("\(name) should be yyyy-MM-dd")
            }
            return date
        }
        let first = try date(start), last = try date(end)
        guard first <= last else { throw LazadaSponsorError.invalidParameter("\(start) should not be later than \(end)") }
        return first...last
    }

    private func sponsorInteger(_ name: String, _ parameters: QueryParameters, range: ClosedRange<Int>) throws -> Int {
        guard let text = parameters[name], !text.isEmpty else { throw LazadaSponsorError.invalidParameter("\(name) is required") }
        guard let value = Int(text), range.contains(value) else {
            throw LazadaSponsorError.invalidParameter("\(name) should be \(range.lowerBound)-\(range.upperBound)")
        }
        return value
    }

    /// The campaign report's double envelope: `{"result":{"result":[…],"success":"true","totalCount":…},"code":"0"}`.
    private func sponsorReport(totalCount: Int, _ rows: (inout JSONWriter) -> Void) -> Response {
        var writer = JSONWriter(reservingCapacity: 8_192)
        writer.beginObject()
        writer.key("result")
        writer.beginObject()
        writer.key("result")
        writer.beginArray()
        rows(&writer)
        writer.endArray()
        writer.field("errorKey", "null")
        writer.field("success", "true")
        writer.field("analyseTraceId", "null")
        writer.field("errorCode", "null")
        writer.field("totalCount", String(totalCount))
        writer.field("errorMsg", "null")
        writer.endObject()
        writer.field("code", "0")
        writer.field("request_id", HTTPReply.requestID())
        writer.endObject()
        return HTTPReply.json(.ok, writer.bytes)
    }

    /// `{"result":…,"code":"0","success":"true",…}` as the overview samples are wrapped.
    private func sponsorEnvelope(_ result: (inout JSONWriter) -> Void) -> Response {
        var writer = JSONWriter(reservingCapacity: 2_048)
        writer.beginObject()
        writer.key("result")
        result(&writer)
        writer.field("code", "0")
        writer.field("success", "true")
        writer.field("analyseTraceId", "null")
        writer.field("request_id", HTTPReply.requestID())
        writer.field("errorMsg", "null")
        writer.endObject()
        return HTTPReply.json(.ok, writer.bytes)
    }

    /// One day's value of `metricType` as a JSON number.
    private static func metric(_ type: Int, of metrics: LazadaAdsMetrics) -> String {
        switch type {
        case 1: AmountText.jsonNumber(minor: metrics.spendMinor)
        case 2: String(metrics.impressions)
        case 3: String(metrics.clicks)
        case 4: metrics.ctr
        case 5: String(metrics.storeOrders)
        case 6: AmountText.jsonNumber(minor: metrics.storeRevenueMinor)
        case 7: metrics.cpc
        case 8: metrics.storeROI
        case 9: String(metrics.storeOrders)
        case 10: String(metrics.storeAddToCart)
        default: String(metrics.productOrders)
        }
    }
}

extension SandboxCampaign {
    /// Lazada's `campaignType`: 1 manual, 2 auto (the world's `SD_Auto_…` campaigns).
    var lazadaCampaignType: String { name.contains("_Auto_") ? "2" : "1" }
    /// Lazada's `productType`: N (search) for manual campaigns, J (product) for automatic ones.
    var lazadaProductType: String { lazadaCampaignType == "2" ? "J" : "N" }
}
