import Foundation
import OmnidashCore

/// `GET /open_api/v1.3/report/integrated/get/`: the synchronous BASIC report (ads-apis.md §6.2–6.3).
///
/// Days and hours are the advertiser's own: an hour of the advertiser's zone is the world's hour it covers, so an
/// advertiser on UTC sees its day D made of the world's (Bangkok) hours 07–23 of D and 00–06 of D+1, each as served
/// at that Bangkok day's age. Daily rows are sums of those hours, so hours and days always agree to the cent.
extension TikTokAdsEmulator {
    enum DataLevel: String, CaseIterable {
        case advertiser = "AUCTION_ADVERTISER", campaign = "AUCTION_CAMPAIGN", adGroup = "AUCTION_ADGROUP", ad = "AUCTION_AD"

        var idDimension: String {
            switch self {
            case .advertiser: "advertiser_id"
            case .campaign: "campaign_id"
            case .adGroup: "adgroup_id"
            case .ad: "ad_id"
            }
        }

        /// Attribute metrics (names and ids of the row's parents) TikTok serves at this level.
        var attributes: Set<String> {
            switch self {
            case .advertiser: []
            case .campaign: ["campaign_name", "objective_type"]
            case .adGroup: ["campaign_name", "campaign_id", "adgroup_name", "objective_type"]
            case .ad: ["campaign_name", "campaign_id", "adgroup_name", "adgroup_id", "ad_name", "objective_type"]
            }
        }
    }

    enum TimeGrain { case day, hour, none }

    static let valueMetrics: Set<String> = [
        "spend", "impressions", "clicks", "reach", "frequency", "ctr", "cpc", "cpm", "conversion", "cost_per_conversion",
        "conversion_rate", "complete_payment", "cost_per_complete_payment", "total_complete_payment_rate",
        "value_per_complete_payment", "complete_payment_roas", "video_play_actions", "likes", "comments", "shares",
    ]

    /// One report row's sums, in the advertiser currency's minor units for money.
    struct Totals {
        var spend: Int64 = 0, impressions: Int64 = 0, reach: Int64 = 0, clicks: Int64 = 0
        var purchases: Int64 = 0, value: Int64 = 0, videoViews: Int64 = 0, engagements: Int64 = 0

        mutating func add(_ hour: AdHour) {
            spend += hour.spendMinor
            impressions += hour.impressions
            reach += hour.reach
            clicks += hour.clicks
            purchases += hour.purchases
            value += hour.purchaseValueMinor
            videoViews += hour.videoViews
            engagements += hour.engagements
        }

        var isEmpty: Bool { spend == 0 && impressions == 0 && clicks == 0 && purchases == 0 }
    }

    /// One hour of one ad in the advertiser's zone.
    struct LocalHour {
        let adIndex: Int
        let day: BusinessDate
        let hour: Int
        let metrics: AdHour
    }

    func report(_ query: QueryParameters) throws -> JSONValue {
        let account = try advertiser(query)
        guard let reportType = query["report_type"], !reportType.isEmpty else { throw TikTokAdsError.missing("report_type") }
        guard reportType == "BASIC" else {
            throw TikTokAdsError.parameter("report_type", "The Sandbox serves BASIC reports only.")
        }
        if let service = query["service_type"], service != "AUCTION" {
            throw TikTokAdsError.parameter("service_type", "Must be one of: AUCTION, RESERVATION. The Sandbox serves AUCTION only.")
        }
        guard let levelText = query["data_level"], !levelText.isEmpty else { throw TikTokAdsError.missing("data_level") }
        guard let level = DataLevel(rawValue: levelText) else {
            throw TikTokAdsError.parameter("data_level", "Must be one of: \(DataLevel.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        guard let dimensions = try TikTokListParameter.strings(query, "dimensions"), !dimensions.isEmpty else {
            throw TikTokAdsError.missing("dimensions")
        }
        var grain = TimeGrain.none
        for dimension in dimensions where dimension != level.idDimension {
            switch dimension {
            case "stat_time_day" where grain == .none: grain = .day
            case "stat_time_hour" where grain == .none: grain = .hour
            case "stat_time_day", "stat_time_hour":
                throw TikTokAdsError.parameter("dimensions", "stat_time_day and stat_time_hour cannot be used together.")
            default:
                throw TikTokAdsError.parameter("dimensions", "Invalid dimension \(dimension) for data_level \(level.rawValue).")
            }
        }
        guard dimensions.contains(level.idDimension) else {
            throw TikTokAdsError.parameter("dimensions", "\(level.idDimension) is required when data_level is \(level.rawValue).")
        }
        let metrics = try TikTokListParameter.strings(query, "metrics") ?? ["spend", "impressions"]
        for metric in metrics where !Self.valueMetrics.contains(metric) && !level.attributes.contains(metric) {
            if DataLevel.allCases.contains(where: { $0.attributes.contains(metric) }) {
                throw TikTokAdsError.parameter("metrics", "\(metric) is not supported when data_level is \(level.rawValue).")
            }
            throw TikTokAdsError.parameter("metrics", "Invalid metric: \(metric).")
        }
        let (first, last) = try dateRange(query, grain: grain, account: account)
        let keep = try reportFilter(query)
        let (page, size) = try Self.paging(query)

        // Sum the hours into rows of the level and grain.
        var rows: [String: (key: (time: String, id: String), adIndex: Int, totals: Totals)] = [:]
        for cell in localHours(account, from: first, to: last) {
            let position = world.adsPlan.ads[cell.adIndex]
            guard keep(position) else { continue }
            let id = entityID(level, position)
            let time: String
            switch grain {
            case .day: time = "\(cell.day) 00:00:00"
            case .hour: time = "\(cell.day) \(cell.hour < 10 ? "0" : "")\(cell.hour):00:00"
            case .none: time = ""
            }
            let key = time + "|" + id
            rows[key, default: ((time, id), cell.adIndex, Totals())].totals.add(cell.metrics)
        }
        let ordered = rows.values.filter { !$0.totals.isEmpty }.sorted { ($0.key.time, $0.key.id) < ($1.key.time, $1.key.id) }
        let items: [JSONValue] = ordered.map { row in
            var dimensionValues: [(String, JSONValue)] = [(level.idDimension, .string(row.key.id))]
            switch grain {
            case .day: dimensionValues.append(("stat_time_day", .string(row.key.time)))
            case .hour: dimensionValues.append(("stat_time_hour", .string(row.key.time)))
            case .none: break
            }
            let position = world.adsPlan.ads[row.adIndex]
            return .object([
                ("dimensions", .object(dimensionValues)),
                ("metrics", .object(metrics.map { ($0, metricValue($0, row.totals, position)) })),
            ])
        }
        return Self.page(items, page: page, size: size)
    }

    /// `start_date`…`end_date` (the advertiser's days): at most 30 days with `stat_time_day`, one day with
    /// `stat_time_hour`, 365 without a time dimension; or every day since the first campaign with `query_lifetime`.
    private func dateRange(_ query: QueryParameters, grain: TimeGrain, account: SandboxAdAccount) throws -> (BusinessDate, BusinessDate) {
        if query["query_lifetime"] == "true" {
            guard grain == .none else {
                throw TikTokAdsError.parameter("query_lifetime", "stat_time_day and stat_time_hour cannot be used with query_lifetime.")
            }
            let first = account.campaigns.map(\.startDate).min() ?? world.asOf
            return (first, world.asOf)
        }
        func date(_ name: String) throws -> BusinessDate {
            guard let text = query[name], !text.isEmpty else { throw TikTokAdsError.missing(name) }
            guard text.count == 10, let date = BusinessDate(text) else {
                throw TikTokAdsError.parameter(name, "Not a valid date, the format is YYYY-MM-DD.")
            }
            return date
        }
        let start = try date("start_date"), end = try date("end_date")
        guard start <= end else { throw TikTokAdsError.parameter("end_date", "end_date must be later than or equal to start_date.") }
        let days = start.distance(to: end) + 1
        switch grain {
        case .day where days > 30:
            throw TikTokAdsError.parameter("start_date, end_date", "The time span cannot exceed 30 days when stat_time_day is in dimensions.")
        case .hour where days > 1:
            throw TikTokAdsError.parameter("start_date, end_date", "The time span cannot exceed 1 day when stat_time_hour is in dimensions.")
        case .none where days > 365:
            throw TikTokAdsError.parameter("start_date, end_date", "The time span cannot exceed 365 days.")
        default:
            return (start, end)
        }
    }

    /// The report's `filtering`: `[{"field_name":"campaign_ids","filter_type":"IN","filter_value":"[\"17…\"]"}]`.
    private func reportFilter(_ query: QueryParameters) throws -> (AdsPlan.AdPosition) -> Bool {
        guard let text = query["filtering"], !text.isEmpty else { return { _ in true } }
        guard let filters = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
            throw TikTokAdsError.parameter("filtering", "Not a valid list of filters.")
        }
        var conditions: [(String, Set<String>)] = []
        for filter in filters {
            guard let field = filter["field_name"] as? String, ["campaign_ids", "adgroup_ids", "ad_ids"].contains(field) else {
                throw TikTokAdsError.parameter("filtering.field_name", "Must be one of: campaign_ids, adgroup_ids, ad_ids.")
            }
            guard (filter["filter_type"] as? String ?? "IN") == "IN" else {
                throw TikTokAdsError.parameter("filtering.filter_type", "Must be IN for \(field).")
            }
            let raw = filter["filter_value"]
            let values: [Any]? = (raw as? [Any]) ?? (raw as? String).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [Any] }
            guard let values else { throw TikTokAdsError.parameter("filtering.filter_value", "Not a valid list.") }
            conditions.append((field, Set(values.map { ($0 as? String) ?? (($0 as? NSNumber)?.stringValue ?? "\($0)") })))
        }
        let plan = world.adsPlan
        return { position in
            conditions.allSatisfy { field, ids in
                switch field {
                case "campaign_ids": ids.contains(plan.campaign(of: position).id)
                case "adgroup_ids": ids.contains(plan.adSet(of: position).id)
                default: ids.contains(plan.ad(of: position).id)
                }
            }
        }
    }

    private func entityID(_ level: DataLevel, _ position: AdsPlan.AdPosition) -> String {
        switch level {
        case .advertiser: world.adsPlan.account(of: position).id
        case .campaign: world.adsPlan.campaign(of: position).id
        case .adGroup: world.adsPlan.adSet(of: position).id
        case .ad: world.adsPlan.ad(of: position).id
        }
    }

    /// Every delivered hour of the advertiser's ads on its local days `first…last`.
    func localHours(_ account: SandboxAdAccount, from first: BusinessDate, to last: BusinessDate) -> [LocalHour] {
        let plan = world.adsPlan
        let mine = Set(plan.ads.indices.filter {
            let owner = plan.account(of: plan.ads[$0])
            return owner.platform == account.platform && owner.id == account.id
        })
        let worldOffset = world.calendar.timeZone.secondsFromGMT(for: world.now) / 3600
        let shift = account.utcOffsetHours - worldOffset
        var cells: [LocalHour] = []
        for worldDay in first.adding(days: -1)...last.adding(days: 1) {
            let age = world.age(of: worldDay)
            for row in world.adPerformance(on: worldDay) where mine.contains(row.adIndex) {
                for hour in row.hours(age: age) {
                    let t = worldDay.daysSinceEpoch * 24 + hour.hour + shift
                    let day = BusinessDate(daysSinceEpoch: t >= 0 ? t / 24 : (t - 23) / 24)
                    guard day >= first, day <= last else { continue }
                    cells.append(LocalHour(adIndex: row.adIndex, day: day, hour: t - day.daysSinceEpoch * 24, metrics: hour))
                }
            }
        }
        return cells
    }

    /// A metric as TikTok writes it: counts and money as numeric strings (`"5830"`, `"20.00"`), ratios with two
    /// decimals (`ctr` in percent), names as strings.
    private func metricValue(_ name: String, _ totals: Totals, _ position: AdsPlan.AdPosition) -> JSONValue {
        func ratio(_ numerator: Int64, _ denominator: Int64) -> JSONValue {
            .string(denominator == 0 ? "0.00" : AmountText.ratio(numerator, denominator, digits: 2))
        }
        let likes = totals.engagements * 6 / 10, comments = totals.engagements * 15 / 100
        switch name {
        case "spend": return .string(AmountText.twoDecimals(minor: totals.spend))
        case "impressions": return .string(String(totals.impressions))
        case "clicks": return .string(String(totals.clicks))
        case "reach": return .string(String(totals.reach))
        case "conversion", "complete_payment": return .string(String(totals.purchases))
        case "video_play_actions": return .string(String(totals.videoViews))
        case "likes": return .string(String(likes))
        case "comments": return .string(String(comments))
        case "shares": return .string(String(totals.engagements - likes - comments))
        case "ctr": return ratio(totals.clicks * 100, totals.impressions)
        case "cpc": return ratio(totals.spend, totals.clicks * 100)
        case "cpm": return ratio(totals.spend * 10, totals.impressions)
        case "frequency": return ratio(totals.impressions, totals.reach)
        case "cost_per_conversion", "cost_per_complete_payment": return ratio(totals.spend, totals.purchases * 100)
        case "conversion_rate": return ratio(totals.purchases * 100, totals.clicks)
        case "total_complete_payment_rate": return .string(AmountText.twoDecimals(minor: totals.value))
        case "value_per_complete_payment": return ratio(totals.value, totals.purchases * 100)
        case "complete_payment_roas": return ratio(totals.value, totals.spend)
        case "campaign_name": return .string(world.adsPlan.campaign(of: position).name)
        case "campaign_id": return .string(world.adsPlan.campaign(of: position).id)
        case "objective_type": return .string(world.adsPlan.campaign(of: position).tiktokObjective)
        case "adgroup_name": return .string(world.adsPlan.adSet(of: position).name)
        case "adgroup_id": return .string(world.adsPlan.adSet(of: position).id)
        case "ad_name": return .string(world.adsPlan.ad(of: position).name)
        default: return .null
        }
    }
}
