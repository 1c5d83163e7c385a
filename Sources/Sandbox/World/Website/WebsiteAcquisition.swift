import OmnidashCore

/// How one new visitor found the website: the source its first landing carried (`nil` for typing the address), the
/// page it landed on, and whether it lives outside Thailand (the SEA ad accounts' audiences).
struct WebsiteAcquisition: Sendable {
    let source: WebsiteTrafficSource?
    let landing: SandboxWebsite.Page
    let abroad: Bool
}

/// The website's traffic that no ad of the brand pays for, as data: each source with its campaign, the default
/// channel group GA4 gives it (ads-apis.md §4.6, extended for Thailand: marketplaces and LINE are channels of their
/// own), and how many new visitors a plain day brings.
struct UnpaidTraffic: Sendable {
    let source: String
    let medium: String
    /// `(organic)`, `(referral)` or the utm_campaign; `{date}` becomes the day (a newsletter's or broadcast's name).
    let campaign: String
    let channelGroup: String
    let perDay: Double
    /// ISO weekday of a weekly send (newsletter, LINE broadcast) when most of the traffic comes; `nil` for steady.
    var burstWeekday: Int? = nil
    let landings: [String]

    static let all: [UnpaidTraffic] = [
        .init(source: "google", medium: "organic", campaign: "(organic)", channelGroup: "Organic Search", perDay: 230,
              landings: ["/", "/blog/how-to-layer-serums", "/blog/sunscreen-for-thai-weather", "/collections/serums", "product"]),
        .init(source: "bing", medium: "organic", campaign: "(organic)", channelGroup: "Organic Search", perDay: 6, landings: ["/"]),
        .init(source: "(direct)", medium: "(none)", campaign: "(direct)", channelGroup: "Direct", perDay: 120, landings: ["/"]),
        .init(source: "m.facebook.com", medium: "referral", campaign: "(referral)", channelGroup: "Organic Social", perDay: 40,
              landings: ["/", "product"]),
        .init(source: "l.instagram.com", medium: "referral", campaign: "(referral)", channelGroup: "Organic Social", perDay: 22,
              landings: ["product"]),
        .init(source: "tiktok.com", medium: "referral", campaign: "(referral)", channelGroup: "Organic Social", perDay: 28,
              landings: ["product"]),
        .init(source: "line", medium: "line_oa", campaign: "oa_broadcast_{date}", channelGroup: "LINE", perDay: 14, burstWeekday: 5,
              landings: ["/collections/gift-sets", "product"]),
        .init(source: "line.me", medium: "referral", campaign: "(referral)", channelGroup: "LINE", perDay: 10, landings: ["/", "product"]),
        .init(source: "newsletter", medium: "email", campaign: "nl_{date}", channelGroup: "Email", perDay: 7, burstWeekday: 2,
              landings: ["/collections/serums", "/collections/sunscreen"]),
        .init(source: "involveasia", medium: "affiliate", campaign: "ia_beauty_reviewers", channelGroup: "Affiliates", perDay: 24,
              landings: ["product"]),
        .init(source: "accesstrade", medium: "affiliate", campaign: "at_skincare_deals", channelGroup: "Affiliates", perDay: 10,
              landings: ["product"]),
        .init(source: "shopee.co.th", medium: "referral", campaign: "(referral)", channelGroup: "Marketplace", perDay: 18,
              landings: ["/our-story", "/"]),
        .init(source: "lazada.co.th", medium: "referral", campaign: "(referral)", channelGroup: "Marketplace", perDay: 9,
              landings: ["/our-story"]),
        .init(source: "shop.tiktok.com", medium: "referral", campaign: "(referral)", channelGroup: "Marketplace", perDay: 6,
              landings: ["/"]),
        .init(source: "pantip.com", medium: "referral", campaign: "(referral)", channelGroup: "Referral", perDay: 14,
              landings: ["/blog/sunscreen-for-thai-weather", "product"]),
        // Tagged links that match none of the brand's ad campaigns, for the UTM-governance list: an influencer's
        // link, a paid campaign that ended last year, and a newsletter tagged with a medium GA4 does not know.
        .init(source: "instagram", medium: "social", campaign: "songkran_glow_influencer", channelGroup: "Organic Social", perDay: 12,
              landings: ["product"]),
        .init(source: "facebook", medium: "paid_social", campaign: "th_1111_flash_sale_2025", channelGroup: "Paid Social", perDay: 5,
              landings: ["/collections/serums"]),
        .init(source: "newsletter", medium: "mail", campaign: "nl_vip_members", channelGroup: "Unassigned", perDay: 2,
              landings: ["/collections/gift-sets"]),
        .init(source: "sms", medium: "sms", campaign: "payday_reminder", channelGroup: "SMS", perDay: 3, landings: ["/"]),
    ]

    /// The traffic source, or `nil` for direct traffic.
    func trafficSource(on day: BusinessDate) -> WebsiteTrafficSource? {
        guard source != "(direct)" else { return nil }
        let name = campaign.replacingOccurrences(of: "{date}", with: day.description.replacingOccurrences(of: "-", with: "_"))
        return WebsiteTrafficSource(source: source, medium: medium, campaign: name, campaignID: nil, term: nil, content: nil,
                                    channelGroup: channelGroup, ad: nil, gclid: nil)
    }
}
