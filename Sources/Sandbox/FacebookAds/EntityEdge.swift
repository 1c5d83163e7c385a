/// The ad account edges that list its objects (Marketing API reference: Ad Account → campaigns, adsets, ads,
/// adcreatives), with the fields the emulator knows on each node type (SDK `Campaign.Field`, `AdSet.Field`, `Ad.Field`,
/// `AdCreative.Field`, the ones that describe what an object is, its schedule, its budget and where it sends people).
enum EntityEdge: String, Sendable {
    case campaigns, adsets, ads, adcreatives

    /// The node type Meta names in its errors.
    var nodeType: String {
        switch self {
        case .campaigns: "Campaign"
        case .adsets: "AdSet"
        case .ads: "Ad"
        case .adcreatives: "AdCreative"
        }
    }

    var knownFields: Set<String> {
        let common: Set<String> = ["id", "account_id", "name", "status", "configured_status", "effective_status",
                                   "created_time", "updated_time"]
        switch self {
        case .campaigns:
            return common.union(["objective", "buying_type", "bid_strategy", "daily_budget", "lifetime_budget",
                                 "budget_remaining", "spend_cap", "special_ad_categories", "start_time", "stop_time"])
        case .adsets:
            return common.union(["campaign_id", "daily_budget", "lifetime_budget", "budget_remaining", "billing_event",
                                 "optimization_goal", "start_time", "end_time"])
        case .ads:
            return common.union(["campaign_id", "adset_id", "creative"])
        case .adcreatives:
            // A creative has a status but no configured or effective status, nor times.
            return ["id", "account_id", "name", "status", "object_type", "object_story_spec", "url_tags", "link_url",
                    "title", "body", "call_to_action_type"]
        }
    }

    /// The fields of the node a field holds, for its braces (`creative{…}`); `nil` for a field that holds a value.
    static func nestedNodeFields(of field: String, on edge: EntityEdge) -> (nodeType: String, fields: Set<String>)? {
        guard edge == .ads, field == "creative" else { return nil }
        return (EntityEdge.adcreatives.nodeType, EntityEdge.adcreatives.knownFields)
    }
}
