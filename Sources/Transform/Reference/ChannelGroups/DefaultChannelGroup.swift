/// GA4's default channel group (the 2023 rules, ads-apis.md §4.6), extended for Thailand with Marketplace and LINE
/// channels and the Thai affiliate networks.
///
/// The rules are the ordered table below: evaluated top-down, the first match wins, matching is case-insensitive.
/// The world labels its sessions with the same channel names and positions.
public enum DefaultChannelGroup {
    public static let unassigned = "Unassigned"

    /// GA4's paid-medium expression. One copy of the help page omits `retargeting` (unverified which is current).
    /// Thai extension: the mediums of `ChannelSiteLists.thaiPaidMediums` count as paid too.
    static let paidMedium = ChannelPredicate.any([
        .medium(.pattern(ChannelPattern("^(.*cp.*|ppc|retargeting|paid.*)$"))), .medium(.oneOf(ChannelSiteLists.thaiPaidMediums)),
    ])
    /// Campaign names GA4 treats as shopping: "shop" at a word start (or after an `e`), or "shopping".
    static let shoppingCampaign = ChannelMatch.pattern(ChannelPattern("^(.*(([^a-df-z]|^)shop|shopping).*)$"))
    static let emailValues: Set<String> = ["email", "e-mail", "e_mail", "e mail"]
    /// The mediums a visit from a marketplace arrives with when nobody paid for it.
    static let unpaidArrivalMediums: Set<String> = ["referral", "organic", "link", "app", "(none)", "(not set)", ""]

    /// The rule table, in evaluation order.
    public static let rules: [ChannelRule] = [
        ChannelRule("Direct", .all([.source(.oneOf(["(direct)"])), .medium(.oneOf(["(not set)", "(none)"]))])),
        ChannelRule("Cross-network", .campaign(.contains("cross-network"))),
        // Thai extension: a known affiliate network is Affiliates whatever the medium it tags (they tag cpa, cps,
        // referral…), so it is decided before the paid and referral rules can claim it.
        ChannelRule("Affiliates", .source(.site(ChannelSiteLists.affiliateNetworks))),
        ChannelRule("Paid Shopping", .all([
            .any([.source(.site(ChannelSiteLists.shopping)), .campaign(shoppingCampaign)]), paidMedium,
        ])),
        ChannelRule("Paid Search", .all([.source(.site(ChannelSiteLists.search)), paidMedium])),
        ChannelRule("Paid Social", .all([.source(.site(ChannelSiteLists.social)), paidMedium])),
        ChannelRule("Paid Video", .all([.source(.site(ChannelSiteLists.video)), paidMedium])),
        ChannelRule("Display", .medium(.oneOf(["display", "banner", "expandable", "interstitial", "cpm"]))),
        ChannelRule("Paid Other", paidMedium),
        // Thai extension: unpaid visits from a marketplace (the marketplaces' own domains).
        ChannelRule("Marketplace", .all([
            .source(.site(ChannelSiteLists.marketplaces)), .medium(.oneOf(unpaidArrivalMediums)),
        ])),
        // Thai extension: LINE OA and LINE links. Paid LINE Ads never get here: `line` is a social site, so they are
        // Paid Social above.
        ChannelRule("LINE", .any([.source(.site(ChannelSiteLists.line)), .medium(.oneOf(["line_oa", "line"]))])),
        ChannelRule("Organic Shopping", .any([.source(.site(ChannelSiteLists.shopping)), .campaign(shoppingCampaign)])),
        ChannelRule("Organic Social", .any([
            .source(.site(ChannelSiteLists.social)),
            .medium(.oneOf(["social", "social-network", "social-media", "sm", "social network", "social media"])),
        ])),
        ChannelRule("Organic Video", .any([.source(.site(ChannelSiteLists.video)), .medium(.contains("video"))])),
        ChannelRule("Organic Search", .any([.source(.site(ChannelSiteLists.search)), .medium(.oneOf(["organic"]))])),
        ChannelRule("Referral", .medium(.oneOf(["referral", "app", "link"]))),
        ChannelRule("Email", .any([.source(.oneOf(emailValues)), .medium(.oneOf(emailValues))])),
        ChannelRule("Affiliates", .medium(.oneOf(["affiliate"]))),
        ChannelRule("Audio", .medium(.oneOf(["audio"]))),
        ChannelRule("SMS", .any([.source(.oneOf(["sms"])), .medium(.oneOf(["sms"]))])),
        ChannelRule("Mobile Push Notifications", .any([
            .medium(.hasSuffix("push")), .medium(.contains("mobile")), .medium(.contains("notification")),
            .source(.oneOf(["firebase"])),
        ])),
    ]

    /// The channel of a session with this source, medium and campaign name.
    /// - Parameter adNetwork: the Google Ads network of an auto-tagged click; GA4 classifies those by network before
    ///   any manual rule.
    public static func classify(source: String, medium: String, campaign: String, adNetwork: AdNetwork? = nil) -> String {
        if let adNetwork { return adNetwork.channelGroup }
        let input = ChannelInput(source: source, medium: medium, campaign: campaign)
        return rules.first { $0.predicate.holds(for: input) }?.channel ?? unassigned
    }
}
