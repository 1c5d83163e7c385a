/// The ad account edges that list its objects (Marketing API reference: Ad Account → campaigns, adsets, ads), with
/// the fields the emulator knows on each node type (SDK `Campaign.Field`, `AdSet.Field`, `Ad.Field`, the ones that
/// describe what an object is, its schedule and its budget).
enum EntityEdge: String, Sendable {
    case campaigns, adsets, ads

    /// The node type Meta names in its errors.
    var nodeType: String {
        switch self {
        case .campaigns: "Campaign"
        case .adsets: "AdSet"
        case .ads: "Ad"
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
            return common.union(["campaign_id", "adset_id"])
        }
    }
}
