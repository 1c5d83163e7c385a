import OmnidashCore

/// One visit to the brand's website, as GA4 would record it: who, from where, on what, and every event in time order.
///
/// The world decides each session whole, so the BigQuery export (every event), the Data API (aggregates) and the truth
/// (what the marts must reproduce) all read the same record.
struct WebsiteSession: Sendable {
    /// The browser's client id, `<random>.<first visit unix seconds>`, as gtag writes it.
    let userPseudoID: String
    /// `ga_session_id`: the session's start in Unix seconds (not unique across users).
    let sessionID: Int64
    /// `ga_session_number`: 1 for the user's first session.
    let sessionNumber: Int
    /// The Bangkok business day the session started on.
    let day: BusinessDate
    /// Start and end in Unix microseconds (the export's `event_timestamp` unit).
    let startMicros: Int64
    var endMicros: Int64
    let device: WebsiteDevice
    let geo: WebsiteGeo
    /// How the user first arrived (the export's user-scope `traffic_source`); never changes for the user.
    let firstUserSource: WebsiteTrafficSource
    /// What this session's landing carried (the export's event-scope `collected_traffic_source`); `nil` for a direct
    /// visit.
    let collected: WebsiteTrafficSource?
    /// The session's campaign by GA4's session rule: its own, or for a direct visit the user's last non-direct one
    /// within 30 days. This is what the Data API's `session*` dimensions report.
    let attributed: WebsiteTrafficSource
    /// The pages viewed, in order; the first is the landing page.
    let pageViews: [WebsitePageView]
    /// Milliseconds the page was in the foreground, summed over the session (`engagement_time_msec`).
    let engagementMsec: Int64
    /// The checkout this session completed, if any.
    var purchase: WebsitePurchase?
    /// The shop-funnel events before a purchase or an abandoned cart, in time order.
    let funnel: [WebsiteFunnelEvent]

    var isNewUser: Bool { sessionNumber == 1 }
    /// GA4's rule: longer than 10 s, or a key event (purchase), or two or more page views.
    var isEngaged: Bool { engagementMsec > 10_000 || purchase != nil || pageViews.count >= 2 }
    var durationSeconds: Int64 { (endMicros - startMicros) / 1_000_000 }
    /// The export's session key: `user_pseudo_id` and `ga_session_id` joined by a dot.
    var key: String { "\(userPseudoID).\(sessionID)" }
}

struct WebsiteDevice: Sendable, Hashable {
    /// `mobile`, `desktop` or `tablet`.
    let category: String
    let operatingSystem: String
    let operatingSystemVersion: String
    let browser: String
    let browserVersion: String
    let mobileBrandName: String?
    let mobileModelName: String?
}

struct WebsiteGeo: Sendable, Hashable {
    let country: String
    let region: String
    let city: String
}

/// A source / medium / campaign as GA4 reports it, with the default channel group the world knows it belongs to.
struct WebsiteTrafficSource: Sendable, Hashable {
    let source: String
    let medium: String
    /// `(direct)` for direct traffic, `(organic)` for organic search, `(referral)` for referrals, `(not set)` otherwise.
    let campaign: String
    /// `utm_id`, or the campaign id an auto-tagged click carries.
    let campaignID: String?
    let term: String?
    let content: String?
    /// GA4's default channel group, as the world intends it (the staging's rule table must arrive at the same).
    let channelGroup: String
    /// The ad the click came from, when it came from one of the brand's ads.
    let ad: AdReference?
    /// The ad network's click id (`gclid`) on an auto-tagged click.
    let gclid: String?

    struct AdReference: Sendable, Hashable {
        let platform: Platform
        let accountID: String
        let campaignID: String
        let adID: String
    }

    /// Whether the landing named a campaign GA4 can match to an ad campaign: an id, or a campaign name of its own
    /// (direct, organic and referral traffic carry a placeholder in brackets).
    var namesCampaign: Bool { campaignID != nil || !campaign.hasPrefix("(") }

    static let direct = WebsiteTrafficSource(source: "(direct)", medium: "(none)", campaign: "(direct)", campaignID: nil,
                                             term: nil, content: nil, channelGroup: "Direct", ad: nil, gclid: nil)
}

struct WebsitePageView: Sendable {
    let path: String
    let title: String
    let timestampMicros: Int64
    /// The referring URL (`page_referrer`), on the landing page only.
    let referrer: String?
}

/// A shop-funnel event (`view_item`, `add_to_cart`, `begin_checkout`) with the item it concerns.
struct WebsiteFunnelEvent: Sendable {
    let name: String
    let timestampMicros: Int64
    let item: WebsitePurchase.Item
}

/// A completed checkout. On the brand's own shop the transaction id is the site's; when the visitor was sent on to a
/// marketplace the site records the marketplace's order id, so the order can be found in the marketplace's data.
struct WebsitePurchase: Sendable {
    let transactionID: String
    let timestampMicros: Int64
    /// The purchase value in satang (THB): items' price × quantity.
    let valueMinor: Int64
    let shippingMinor: Int64
    let items: [Item]
    /// The marketplace the order was placed on, `nil` for the brand's own shop.
    let marketplace: Platform?

    struct Item: Sendable {
        let itemID: String
        let name: String
        let category: String
        let brand: String
        let priceMinor: Int64
        let quantity: Int
    }
}
