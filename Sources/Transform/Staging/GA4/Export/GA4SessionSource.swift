/// A session's traffic source by GA4's session rule: what its landing collected, else the user's last non-direct
/// source within 30 days, else direct.
struct GA4SessionSource: Sendable, Equatable {
    var source: String
    var medium: String
    var campaign: String
    var campaignID: String?
    var term: String?
    var content: String?
    /// The Google Ads campaign of an auto-tagged click, whose network decides the channel.
    var autoTaggedCampaignID: String?

    static let direct = GA4SessionSource(source: "(direct)", medium: "(none)", campaign: "(direct)")

    var isDirect: Bool { source == "(direct)" }

    /// What an event's `collected_traffic_source` says, `nil` when it carries nothing (a direct landing).
    init?(collectedFrom event: GA4ExportEvent) {
        if let gclid = event.gclid, !gclid.isEmpty {
            // An auto-tagged click: GA4 reports google / cpc and the Google Ads campaign, whatever UTMs came with it.
            self.init(source: "google", medium: "cpc",
                      campaign: event.autoTaggedCampaignName ?? event.collectedCampaign ?? "(not set)",
                      campaignID: event.autoTaggedCampaignID ?? event.collectedCampaignID,
                      term: event.collectedTerm, content: event.collectedContent,
                      autoTaggedCampaignID: event.autoTaggedCampaignID ?? event.collectedCampaignID)
            return
        }
        guard let source = event.collectedSource, !source.isEmpty, source != "(direct)" else { return nil }
        let medium = event.collectedMedium ?? "(not set)"
        self.init(source: source, medium: medium, campaign: event.collectedCampaign ?? Self.impliedCampaign(medium: medium),
                  campaignID: event.collectedCampaignID, term: event.collectedTerm, content: event.collectedContent)
    }

    /// GA4's own session campaign from `session_traffic_source_last_click`, for a session whose earlier visits lie
    /// before the export began; `nil` when it is direct or absent.
    init?(lastClickOf event: GA4ExportEvent) {
        if let campaignID = event.autoTaggedCampaignID {
            self.init(source: event.lastClickSource ?? "google", medium: event.lastClickMedium ?? "cpc",
                      campaign: event.autoTaggedCampaignName ?? event.lastClickCampaign ?? "(not set)", campaignID: campaignID,
                      autoTaggedCampaignID: campaignID)
            return
        }
        guard let source = event.lastClickSource, !source.isEmpty, source != "(direct)" else { return nil }
        let medium = event.lastClickMedium ?? "(not set)"
        self.init(source: source, medium: medium, campaign: event.lastClickCampaign ?? Self.impliedCampaign(medium: medium),
                  campaignID: event.lastClickCampaignID)
    }

    init(source: String, medium: String, campaign: String, campaignID: String? = nil, term: String? = nil, content: String? = nil,
         autoTaggedCampaignID: String? = nil) {
        self.source = source
        self.medium = medium
        self.campaign = campaign
        self.campaignID = campaignID
        self.term = term
        self.content = content
        self.autoTaggedCampaignID = autoTaggedCampaignID
    }

    /// The campaign name GA4 reports for a visit whose URL named none.
    static func impliedCampaign(medium: String) -> String {
        switch medium.lowercased() {
        case "organic": "(organic)"
        case "referral": "(referral)"
        default: "(not set)"
        }
    }
}
