import Testing
@testable import Transform

@Suite("Default channel group")
struct DefaultChannelGroupTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let source: String
        let medium: String
        let campaign: String
        let channel: String

        init(_ source: String, _ medium: String, _ campaign: String = "(not set)", is channel: String) {
            self.source = source
            self.medium = medium
            self.campaign = campaign
            self.channel = channel
        }

        var testDescription: String { "\(source) / \(medium) / \(campaign) → \(channel)" }
    }

    /// At least one case per rule, in table order, with the reference's edge cases (ads-apis.md §4.6) and the Thai ones.
    static let cases: [Case] = [
        Case("(direct)", "(none)", "(direct)", is: "Direct"),
        Case("(direct)", "(not set)", is: "Direct"),
        Case("newsletter", "email", "summer_cross-network_test", is: "Cross-network"),
        Case("involveasia", "cpa", is: "Affiliates"),
        Case("accesstrade", "referral", is: "Affiliates"),
        Case("shopee_affiliate", "(not set)", is: "Affiliates"),
        Case("google", "cpc", "pmax_shopping_feed", is: "Paid Shopping"),
        Case("amazon", "paid", is: "Paid Shopping"),
        Case("newsletter", "ppc", "eshop_sale", is: "Paid Shopping"),
        Case("google", "cpc", "brand_search", is: "Paid Search"),
        Case("Google", "CPC", "brand_search", is: "Paid Search"),
        Case("bing", "retargeting", is: "Paid Search"),
        Case("facebook", "paid", is: "Paid Social"),
        Case("facebook", "paid_social", "1111_mega_sale", is: "Paid Social"),
        Case("line", "paid_social", is: "Paid Social"),
        Case("tiktok", "cpm", is: "Paid Social"),
        Case("youtube", "cpv", is: "Paid Video"),
        Case("partner-news", "display", is: "Display"),
        Case("adnetwork", "banner", is: "Display"),
        Case("partner-news", "cpa", is: "Paid Other"),
        Case("shopee", "marketplace_ads", "1111_sponsored", is: "Paid Other"),
        Case("shopee.co.th", "referral", is: "Marketplace"),
        Case("s.shopee.co.th", "referral", is: "Marketplace"),
        Case("lazada.co.th", "organic", is: "Marketplace"),
        Case("shop.tiktok.com", "referral", is: "Marketplace"),
        Case("line", "line_oa", is: "LINE"),
        Case("line.me", "referral", is: "LINE"),
        Case("lin.ee", "(not set)", is: "LINE"),
        Case("sukhon_oa", "line", is: "LINE"),
        Case("shopping.google.com", "referral", is: "Organic Shopping"),
        Case("blog", "link", "holiday_shop", is: "Organic Shopping"),
        Case("tiktok.com", "referral", is: "Organic Social"),
        Case("l.facebook.com", "referral", is: "Organic Social"),
        Case("newsletter", "social", is: "Organic Social"),
        Case("youtube.com", "referral", is: "Organic Video"),
        Case("partner-news", "video_embed", is: "Organic Video"),
        Case("google", "organic", is: "Organic Search"),
        Case("google.co.th", "referral", is: "Organic Search"),
        Case("beautyblog", "organic", is: "Organic Search"),
        Case("pantip.com", "referral", is: "Referral"),
        Case("partner-app", "app", is: "Referral"),
        Case("newsletter", "email", is: "Email"),
        Case("e-mail", "(not set)", is: "Email"),
        Case("newsletter", "mail", is: "Unassigned"),
        Case("partner-blog", "affiliate", is: "Affiliates"),
        Case("podcast", "audio", is: "Audio"),
        Case("sms", "(not set)", is: "SMS"),
        Case("ais", "sms", is: "SMS"),
        Case("onesignal", "web_push", is: "Mobile Push Notifications"),
        Case("firebase", "(not set)", is: "Mobile Push Notifications"),
        Case("app", "notification", is: "Mobile Push Notifications"),
        Case("someone", "(not set)", is: "Unassigned"),
    ]

    @Test("a session's source, medium and campaign give GA4's channel, extended for Thailand", arguments: cases)
    func classifies(_ example: Case) {
        #expect(DefaultChannelGroup.classify(source: example.source, medium: example.medium, campaign: example.campaign)
                == example.channel)
    }

    @Test("every rule of the table is reached by some case, so no rule is shadowed by an earlier one")
    func everyRuleIsReached() {
        let reached = Set(Self.cases.map(\.channel))
        for rule in DefaultChannelGroup.rules {
            #expect(reached.contains(rule.channel), "no case reaches \(rule.channel)")
        }
    }

    @Test("an auto-tagged Google Ads click is classified by its network before source and medium")
    func googleAdsNetworks() {
        let expected: [(String, String)] = [
            ("SEARCH", "Paid Search"), ("SHOPPING", "Paid Shopping"), ("VIDEO", "Paid Video"), ("DISPLAY", "Display"),
            ("PERFORMANCE_MAX", "Cross-network"), ("SMART", "Cross-network"),
        ]
        for (type, channel) in expected {
            let network = AdNetwork(advertisingChannelType: type)
            #expect(DefaultChannelGroup.classify(source: "google", medium: "cpc", campaign: "brand", adNetwork: network)
                    == channel, "\(type)")
        }
        #expect(DefaultChannelGroup.classify(source: "google", medium: "cpc", campaign: "brand", adNetwork: .social)
                == "Paid Social")
        #expect(AdNetwork(advertisingChannelType: "UNKNOWN") == nil)
    }
}
