import Foundation
import OmnidashCore

/// `campaign/get/`, `adgroup/get/` and `ad/get/`: the advertiser's objects with their budgets and status, paged, with
/// `fields` and `filtering` (`campaign_ids`, `adgroup_ids`, `ad_ids`).
///
/// A campaign with one shared budget has `BUDGET_MODE_DAY` and its ad groups `BUDGET_MODE_INFINITE`; a campaign whose
/// ad groups carry their own budgets is `BUDGET_MODE_INFINITE` (budget 0) over ad groups with `BUDGET_MODE_DAY`. An ad
/// in its off week is `DISABLE`.
extension TikTokAdsEmulator {
    enum EntityKind { case campaign, adGroup, ad }

    static let campaignFields = [
        "advertiser_id", "campaign_id", "campaign_name", "campaign_type", "objective_type", "budget_mode", "budget",
        "operation_status", "secondary_status", "is_smart_performance_campaign", "create_time", "modify_time",
    ]
    static let adGroupFields = [
        "advertiser_id", "campaign_id", "adgroup_id", "adgroup_name", "budget_mode", "budget", "schedule_type",
        "schedule_start_time", "schedule_end_time", "optimization_goal", "billing_event", "placement_type", "placements",
        "operation_status", "secondary_status", "create_time", "modify_time",
    ]
    static let adFields = [
        "advertiser_id", "campaign_id", "adgroup_id", "ad_id", "ad_name", "ad_format", "landing_page_url", "call_to_action",
        "operation_status", "secondary_status", "create_time", "modify_time",
    ]

    func entities(_ kind: EntityKind, _ query: QueryParameters) throws -> JSONValue {
        let account = try advertiser(query)
        let allowed = switch kind {
        case .campaign: Self.campaignFields
        case .adGroup: Self.adGroupFields
        case .ad: Self.adFields
        }
        let fields = try TikTokListParameter.fields(query, allowed: allowed) ?? allowed
        let filtering = try TikTokListParameter.filtering(query)
        let campaignIDs = try TikTokListParameter.ids(filtering, "campaign_ids")
        let adGroupIDs = try TikTokListParameter.ids(filtering, "adgroup_ids")
        let adIDs = try TikTokListParameter.ids(filtering, "ad_ids")
        let (page, size) = try Self.paging(query)
        // Ads that delivered on the world's last day are running; the others are in an off week.
        let yesterday = world.asOf.adding(days: -1)
        let running = Set(world.adPerformance(on: yesterday).map { world.adsPlan.ad(of: world.adsPlan.ads[$0.adIndex]).id })
        var items: [JSONValue] = []
        for campaign in account.campaigns where campaignIDs?.contains(campaign.id) ?? true {
            let created = Self.utcText(dayStart: campaign.startDate.adding(days: -2), plusSeconds: 3 * 3_600 + 12 * 60 + 40)
            let modified = Self.utcText(dayStart: campaign.startDate.adding(days: -1), plusSeconds: 9 * 3_600 + 42 * 60 + 51)
            if kind == .campaign {
                let values: [String: JSONValue] = [
                    "advertiser_id": .string(account.id), "campaign_id": .string(campaign.id),
                    "campaign_name": .string(campaign.name), "campaign_type": "REGULAR_CAMPAIGN",
                    "objective_type": .string(campaign.tiktokObjective),
                    "budget_mode": campaign.dailyBudgetMinor == nil ? "BUDGET_MODE_INFINITE" : "BUDGET_MODE_DAY",
                    "budget": .number(Self.budgetNumber(campaign.dailyBudgetMinor ?? 0)),
                    "operation_status": "ENABLE", "secondary_status": "CAMPAIGN_STATUS_ENABLE",
                    "is_smart_performance_campaign": false, "create_time": .string(created), "modify_time": .string(modified),
                ]
                items.append(.object(fields.map { ($0, values[$0] ?? .null) }))
                continue
            }
            for adSet in campaign.adSets where adGroupIDs?.contains(adSet.id) ?? true {
                if kind == .adGroup {
                    // The schedule starts at the advertiser's midnight of the campaign's first day, written in UTC.
                    let start = Int64(campaign.startDate.daysSinceEpoch) * 86_400 - Int64(account.utcOffsetHours) * 3_600
                    let values: [String: JSONValue] = [
                        "advertiser_id": .string(account.id), "campaign_id": .string(campaign.id), "adgroup_id": .string(adSet.id),
                        "adgroup_name": .string(adSet.name),
                        "budget_mode": adSet.dailyBudgetMinor == nil ? "BUDGET_MODE_INFINITE" : "BUDGET_MODE_DAY",
                        "budget": .number(Self.budgetNumber(adSet.dailyBudgetMinor ?? 0)),
                        "schedule_type": "SCHEDULE_FROM_NOW", "schedule_start_time": .string(Self.utcText(unix: start)),
                        "schedule_end_time": .null,
                        "optimization_goal": .string(campaign.tiktokOptimizationGoal),
                        "billing_event": campaign.kind == .awareness ? "CPM" : "OCPM",
                        "placement_type": "PLACEMENT_TYPE_NORMAL", "placements": .array(["PLACEMENT_TIKTOK"]),
                        "operation_status": "ENABLE", "secondary_status": "ADGROUP_STATUS_DELIVERY_OK",
                        "create_time": .string(created), "modify_time": .string(modified),
                    ]
                    items.append(.object(fields.map { ($0, values[$0] ?? .null) }))
                    continue
                }
                for ad in adSet.ads where adIDs?.contains(ad.id) ?? true {
                    let isRunning = running.contains(ad.id)
                    let values: [String: JSONValue] = [
                        "advertiser_id": .string(account.id), "campaign_id": .string(campaign.id), "adgroup_id": .string(adSet.id),
                        "ad_id": .string(ad.id), "ad_name": .string(ad.name), "ad_format": "SINGLE_VIDEO",
                        "landing_page_url": .string(ad.landingURL), "call_to_action": "SHOP_NOW",
                        "operation_status": isRunning ? "ENABLE" : "DISABLE",
                        "secondary_status": isRunning ? "AD_STATUS_DELIVERY_OK" : "AD_STATUS_DISABLE",
                        "create_time": .string(created), "modify_time": .string(modified),
                    ]
                    items.append(.object(fields.map { ($0, values[$0] ?? .null) }))
                }
            }
        }
        return Self.page(items, page: page, size: size)
    }

    /// Budgets are JSON floats in major units: `11900.0`, `45.5`.
    static func budgetNumber(_ minor: Int64) -> String {
        minor % 100 == 0 ? "\(minor / 100).0" : AmountText.jsonNumber(minor: minor)
    }

    /// `2025-01-05 03:12:40`: TikTok's UTC date-time text.
    static func utcText(unix: Int64) -> String {
        let day = BusinessDate(daysSinceEpoch: Int(unix >= 0 ? unix / 86_400 : (unix - 86_399) / 86_400))
        let seconds = Int(unix - Int64(day.daysSinceEpoch) * 86_400)
        return "\(day) " + String(format: "%02d:%02d:%02d", seconds / 3_600, seconds / 60 % 60, seconds % 60)
    }

    static func utcText(dayStart day: BusinessDate, plusSeconds seconds: Int64) -> String {
        utcText(unix: Int64(day.daysSinceEpoch) * 86_400 + seconds)
    }
}
