/// The Google Ads network an auto-tagged (gclid) click came from. GA4 classifies such clicks by network before it
/// looks at source and medium (ads-apis.md §4.6).
public enum AdNetwork: String, Sendable, CaseIterable {
    case search, shopping, video, display, crossNetwork, social

    /// The network of a Google Ads campaign from its `advertising_channel_type` (what `stg_ad_entities.objective`
    /// holds for Google campaigns); `nil` when the type says nothing about the network.
    public init?(advertisingChannelType: String) {
        switch advertisingChannelType.uppercased() {
        case "SEARCH": self = .search
        case "SHOPPING": self = .shopping
        case "VIDEO": self = .video
        case "DISPLAY": self = .display
        // Campaigns that serve across networks. Demand Gen is placed here too: GA4's help page names no own label
        // for it (unverified).
        case "PERFORMANCE_MAX", "SMART", "MULTI_CHANNEL", "LOCAL", "DEMAND_GEN", "DISCOVERY": self = .crossNetwork
        case "SOCIAL": self = .social
        default: return nil
        }
    }

    /// The channel GA4 gives a click from this network.
    public var channelGroup: String {
        switch self {
        case .search: "Paid Search"
        case .shopping: "Paid Shopping"
        case .video: "Paid Video"
        case .display: "Display"
        case .crossNetwork: "Cross-network"
        case .social: "Paid Social"
        }
    }
}
