import Warehouse

/// One `raw_ga4_events` row as staging reads it.
struct GA4ExportEvent: Sendable {
    let date: String
    let timestamp: Int64
    let name: String
    let user: String
    let sessionID: Int64?
    let sessionNumber: Int64?
    let batchIndex: Int64
    let pageLocation: String?
    let pageTitle: String?
    let entrances: Int64
    let engagementMsec: Int64
    let sessionEngaged: Bool
    let transactionID: String?
    let purchaseRevenue: String?
    let currency: String?
    let itemsQuantity: Int64?
    let collectedSource: String?
    let collectedMedium: String?
    let collectedCampaign: String?
    let collectedCampaignID: String?
    let collectedTerm: String?
    let collectedContent: String?
    let gclid: String?
    let lastClickSource: String?
    let lastClickMedium: String?
    let lastClickCampaign: String?
    let lastClickCampaignID: String?
    let autoTaggedCampaignID: String?
    let autoTaggedCampaignName: String?
    let firstUserSource: String?
    let firstUserMedium: String?
    let deviceCategory: String?
    let operatingSystem: String?
    let browser: String?
    let country: String?
    let city: String?

    static let columns = """
        event_date, event_timestamp, event_name, user_pseudo_id, ga_session_id, ga_session_number, batch_event_index,
        page_location, page_title, entrances, engagement_time_msec, session_engaged, transaction_id, purchase_revenue,
        currency, items_quantity, collected_source, collected_medium, collected_campaign, collected_campaign_id,
        collected_term, collected_content, gclid, last_click_source, last_click_medium, last_click_campaign,
        last_click_campaign_id, google_ads_campaign_id, google_ads_campaign_name, first_user_source, first_user_medium,
        device_category, operating_system, browser, country, city
        """

    init(_ row: WarehouseRow) {
        date = row.text("event_date")
        timestamp = row.int("event_timestamp")
        name = row.text("event_name")
        user = row.text("user_pseudo_id")
        sessionID = row.optionalInt("ga_session_id")
        sessionNumber = row.optionalInt("ga_session_number")
        batchIndex = row.int("batch_event_index")
        pageLocation = row.optionalText("page_location")
        pageTitle = row.optionalText("page_title")
        entrances = row.int("entrances")
        engagementMsec = row.int("engagement_time_msec")
        sessionEngaged = row.int("session_engaged") == 1
        transactionID = row.optionalText("transaction_id")
        purchaseRevenue = row.optionalText("purchase_revenue")
        currency = row.optionalText("currency")
        itemsQuantity = row.optionalInt("items_quantity")
        collectedSource = row.optionalText("collected_source")
        collectedMedium = row.optionalText("collected_medium")
        collectedCampaign = row.optionalText("collected_campaign")
        collectedCampaignID = row.optionalText("collected_campaign_id")
        collectedTerm = row.optionalText("collected_term")
        collectedContent = row.optionalText("collected_content")
        gclid = row.optionalText("gclid")
        lastClickSource = row.optionalText("last_click_source")
        lastClickMedium = row.optionalText("last_click_medium")
        lastClickCampaign = row.optionalText("last_click_campaign")
        lastClickCampaignID = row.optionalText("last_click_campaign_id")
        autoTaggedCampaignID = row.optionalText("google_ads_campaign_id")
        autoTaggedCampaignName = row.optionalText("google_ads_campaign_name")
        firstUserSource = row.optionalText("first_user_source")
        firstUserMedium = row.optionalText("first_user_medium")
        deviceCategory = row.optionalText("device_category")
        operatingSystem = row.optionalText("operating_system")
        browser = row.optionalText("browser")
        country = row.optionalText("country")
        city = row.optionalText("city")
    }

    /// The page's path: the URL without scheme, host, query and fragment.
    var pagePath: String? {
        guard var url = pageLocation else { return nil }
        if let scheme = url.range(of: "://") {
            url = String(url[scheme.upperBound...])
            url = url.firstIndex(of: "/").map { String(url[$0...]) } ?? "/"
        }
        let path = String(url.prefix { $0 != "?" && $0 != "#" })
        return path.isEmpty ? "/" : path
    }
}
