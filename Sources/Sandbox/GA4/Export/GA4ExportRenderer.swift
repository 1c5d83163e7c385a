import OmnidashCore

/// Writes a website session as the GA4 BigQuery export holds it: one `events_YYYYMMDD` row per event, in the JSON that
/// `bq extract --destination_format NEWLINE_DELIMITED_JSON` produces (INT64 as strings, FLOAT64 as numbers, NULL fields
/// left out), written from the export schema's documentation (support.google.com/analytics/answer/7029846), not from
/// the importer that reads it.
///
/// A session sends `session_start` (and `first_visit` for a new user) and its landing `page_view` together, then a
/// `page_view` per page, the shop-funnel events, the `purchase`, and `user_engagement` with the foreground time as it
/// ends. Only the landing events carry `collected_traffic_source` (the landing URL's UTMs and click id); every event
/// carries the user-scope `traffic_source` and the session-scope `session_traffic_source_last_click`.
struct GA4ExportRenderer {
    let calendar = BusinessCalendar.bangkok

    /// One event of a session, before it is written.
    struct Event {
        let name: String
        let micros: Int64
        /// The index into the session's page views of the page it happened on.
        let page: Int
        var isLanding = false
        var engaged = false
        var funnel: WebsiteFunnelEvent?
        var isPurchase = false
        var isEngagement = false
    }

    /// Each event of the session as one JSON line (without the newline), with its Bangkok business date.
    func lines(of session: WebsiteSession) -> [(date: BusinessDate, line: [UInt8])] {
        events(of: session).enumerated().map { index, event in
            (calendar.date(unixSeconds: event.micros / 1_000_000), line(event, index: index, session: session))
        }
    }

    func events(of session: WebsiteSession) -> [Event] {
        var events: [Event] = []
        func page(at micros: Int64) -> Int { max(0, session.pageViews.lastIndex { $0.timestampMicros <= micros } ?? 0) }
        events.append(Event(name: "session_start", micros: session.startMicros, page: 0, isLanding: true))
        if session.isNewUser { events.append(Event(name: "first_visit", micros: session.startMicros, page: 0, isLanding: true)) }
        for (index, view) in session.pageViews.enumerated() {
            events.append(Event(name: "page_view", micros: max(view.timestampMicros, session.startMicros), page: index, isLanding: index == 0))
        }
        for step in session.funnel {
            events.append(Event(name: step.name, micros: step.timestampMicros, page: page(at: step.timestampMicros), funnel: step))
        }
        if let purchase = session.purchase {
            events.append(Event(name: "purchase", micros: purchase.timestampMicros, page: page(at: purchase.timestampMicros), isPurchase: true))
        }
        if session.engagementMsec > 0 {
            events.append(Event(name: "user_engagement", micros: session.endMicros, page: max(0, session.pageViews.count - 1),
                                isEngagement: true))
        }
        events = events.enumerated().sorted { ($0.element.micros, $0.offset) < ($1.element.micros, $1.offset) }.map(\.element)
        // gtag marks events `session_engaged` once the session is engaged: from the second page, the purchase, or the
        // engagement that passed 10 seconds.
        if session.isEngaged {
            for index in events.indices where !events[index].isLanding { events[index].engaged = true }
        }
        return events
    }

    private func line(_ event: Event, index: Int, session: WebsiteSession) -> [UInt8] {
        var json = JSONWriter(reservingCapacity: 2_048)
        let date = calendar.date(unixSeconds: event.micros / 1_000_000)
        json.beginObject()
        json.field("event_date", date.description.replacingOccurrences(of: "-", with: ""))
        json.field("event_timestamp", String(event.micros))
        json.field("event_name", event.name)
        writeParams(event, session: session, into: &json)
        json.field("user_pseudo_id", session.userPseudoID)
        json.key("privacy_info")
        json.beginObject()
        json.field("analytics_storage", "Yes")
        json.field("ads_storage", "Yes")
        json.field("uses_transient_token", "No")
        json.endObject()
        if let firstTouch = Self.firstTouchMicros(session.userPseudoID) { json.field("user_first_touch_timestamp", String(firstTouch)) }
        writeDevice(session.device, into: &json)
        writeGeo(session.geo, into: &json)
        json.key("traffic_source")
        json.beginObject()
        json.field("name", session.firstUserSource.campaign)
        json.field("medium", session.firstUserSource.medium)
        json.field("source", session.firstUserSource.source)
        json.endObject()
        json.field("stream_id", SandboxWebsite.streamID)
        json.field("platform", "WEB")
        if event.isPurchase, let purchase = session.purchase { writeEcommerce(purchase, into: &json) }
        writeItems(event, session: session, into: &json)
        if event.isLanding, let collected = session.collected { writeCollected(collected, into: &json) }
        json.field("is_active_user", true)
        json.field("batch_event_index", String(index))
        writeLastClick(session.attributed, into: &json)
        json.endObject()
        return json.bytes
    }

    // MARK: event_params

    private func writeParams(_ event: Event, session: WebsiteSession, into json: inout JSONWriter) {
        let view = session.pageViews.isEmpty ? nil : session.pageViews[min(event.page, session.pageViews.count - 1)]
        json.key("event_params")
        json.beginArray()
        param("ga_session_id", int: session.sessionID, into: &json)
        param("ga_session_number", int: Int64(session.sessionNumber), into: &json)
        if let view {
            param("page_location", string: pageLocation(view, landing: event.page == 0 ? session.collected : nil), into: &json)
            param("page_title", string: view.title, into: &json)
            let referrer = event.page == 0 ? view.referrer : SandboxWebsite.origin + session.pageViews[event.page - 1].path
            if let referrer { param("page_referrer", string: referrer, into: &json) }
        }
        if event.name == "page_view", event.page == 0 { param("entrances", int: 1, into: &json) }
        if event.engaged { param("session_engaged", string: "1", into: &json) }
        if event.isEngagement { param("engagement_time_msec", int: session.engagementMsec, into: &json) }
        if let step = event.funnel {
            param("currency", string: SandboxWebsite.currency, into: &json)
            value(step.item.priceMinor * Int64(step.item.quantity), into: &json)
        }
        if event.isPurchase, let purchase = session.purchase {
            param("transaction_id", string: purchase.transactionID, into: &json)
            param("currency", string: SandboxWebsite.currency, into: &json)
            value(purchase.valueMinor, into: &json)
            param("shipping", double: purchase.shippingMinor, into: &json)
        }
        json.endArray()
    }

    /// `value` as a tag sends it: a whole baht amount as `int_value`, anything else as `double_value`.
    private func value(_ minor: Int64, into json: inout JSONWriter) {
        if minor % 100 == 0 { param("value", int: minor / 100, into: &json) } else { param("value", double: minor, into: &json) }
    }

    private func param(_ key: String, string: String, into json: inout JSONWriter) {
        json.beginObject()
        json.field("key", key)
        json.key("value")
        json.beginObject()
        json.field("string_value", string)
        json.endObject()
        json.endObject()
    }

    private func param(_ key: String, int: Int64, into json: inout JSONWriter) {
        json.beginObject()
        json.field("key", key)
        json.key("value")
        json.beginObject()
        json.field("int_value", String(int))
        json.endObject()
        json.endObject()
    }

    private func param(_ key: String, double minor: Int64, into json: inout JSONWriter) {
        json.beginObject()
        json.field("key", key)
        json.key("value")
        json.beginObject()
        json.amountField("double_value", minor: minor)
        json.endObject()
        json.endObject()
    }

    /// The page's URL; the landing page's carries the campaign's query (UTMs, or Google's click id).
    private func pageLocation(_ view: WebsitePageView, landing source: WebsiteTrafficSource?) -> String {
        let url = SandboxWebsite.origin + view.path
        guard let source else { return url }
        var query: [String] = []
        if !source.campaign.hasPrefix("(") || source.gclid != nil {
            query.append("utm_source=\(source.source)")
            query.append("utm_medium=\(source.medium)")
            query.append("utm_campaign=\(source.campaign)")
            if let id = source.campaignID { query.append("utm_id=\(id)") }
            if let content = source.content { query.append("utm_content=\(content)") }
        }
        if let gclid = source.gclid { query.append("gclid=\(gclid)") }
        return query.isEmpty ? url : url + "?" + query.joined(separator: "&")
    }

    // MARK: Records

    private func writeDevice(_ device: WebsiteDevice, into json: inout JSONWriter) {
        json.key("device")
        json.beginObject()
        json.field("category", device.category)
        if let brand = device.mobileBrandName { json.field("mobile_brand_name", brand) }
        if let model = device.mobileModelName { json.field("mobile_model_name", model) }
        json.field("operating_system", device.operatingSystem)
        json.field("operating_system_version", device.operatingSystemVersion)
        json.field("language", "th-th")
        json.field("is_limited_ad_tracking", "No")
        json.key("web_info")
        json.beginObject()
        json.field("browser", device.browser)
        json.field("browser_version", device.browserVersion)
        json.field("hostname", SandboxWebsite.hostname)
        json.endObject()
        json.endObject()
    }

    private func writeGeo(_ geo: WebsiteGeo, into json: inout JSONWriter) {
        json.key("geo")
        json.beginObject()
        json.field("city", geo.city)
        json.field("country", geo.country)
        json.field("continent", "Asia")
        json.field("region", geo.region)
        json.field("sub_continent", "Southeast Asia")
        json.field("metro", "(not set)")
        json.endObject()
    }

    private func writeEcommerce(_ purchase: WebsitePurchase, into json: inout JSONWriter) {
        json.key("ecommerce")
        json.beginObject()
        json.field("total_item_quantity", String(purchase.items.reduce(0) { $0 + $1.quantity }))
        json.amountField("purchase_revenue", minor: purchase.valueMinor)
        json.amountField("shipping_value", minor: purchase.shippingMinor)
        json.amountField("tax_value", minor: 0)
        json.field("unique_items", String(Set(purchase.items.map(\.itemID)).count))
        json.field("transaction_id", purchase.transactionID)
        json.endObject()
    }

    private func writeItems(_ event: Event, session: WebsiteSession, into json: inout JSONWriter) {
        let items: [WebsitePurchase.Item]
        if event.isPurchase, let purchase = session.purchase {
            items = purchase.items
        } else if let step = event.funnel {
            items = [step.item]
        } else {
            items = []
        }
        json.key("items")
        json.beginArray()
        for item in items {
            json.beginObject()
            json.field("item_id", item.itemID)
            json.field("item_name", item.name)
            json.field("item_brand", item.brand)
            json.field("item_category", item.category)
            json.amountField("price", minor: item.priceMinor)
            json.field("quantity", String(item.quantity))
            if event.isPurchase { json.amountField("item_revenue", minor: item.priceMinor * Int64(item.quantity)) }
            json.endObject()
        }
        json.endArray()
    }

    private func writeCollected(_ source: WebsiteTrafficSource, into json: inout JSONWriter) {
        json.key("collected_traffic_source")
        json.beginObject()
        if let id = source.campaignID { json.field("manual_campaign_id", id) }
        // GA4 names organic and referral visits' campaigns itself; the landing URL carried none.
        if !source.campaign.hasPrefix("(") { json.field("manual_campaign_name", source.campaign) }
        json.field("manual_source", source.source)
        json.field("manual_medium", source.medium)
        if let term = source.term { json.field("manual_term", term) }
        if let content = source.content { json.field("manual_content", content) }
        if let gclid = source.gclid { json.field("gclid", gclid) }
        json.endObject()
    }

    private func writeLastClick(_ source: WebsiteTrafficSource, into json: inout JSONWriter) {
        json.key("session_traffic_source_last_click")
        json.beginObject()
        json.key("manual_campaign")
        json.beginObject()
        if let id = source.campaignID { json.field("campaign_id", id) }
        json.field("campaign_name", source.campaign)
        json.field("source", source.source)
        json.field("medium", source.medium)
        if let term = source.term { json.field("term", term) }
        if let content = source.content { json.field("content", content) }
        json.endObject()
        if source.gclid != nil, let ad = source.ad {
            json.key("google_ads_campaign")
            json.beginObject()
            json.field("customer_id", ad.accountID)
            json.field("campaign_id", ad.campaignID)
            json.field("campaign_name", source.campaign)
            json.endObject()
        }
        json.key("cross_channel_campaign")
        json.beginObject()
        if let id = source.campaignID { json.field("campaign_id", id) }
        json.field("campaign_name", source.campaign)
        json.field("source", source.source)
        json.field("medium", source.medium)
        json.field("default_channel_group", source.channelGroup)
        json.field("primary_channel_group", source.channelGroup)
        json.endObject()
        json.endObject()
    }

    /// The first visit's time from the client id gtag writes (`<random>.<first visit unix seconds>`), in microseconds.
    static func firstTouchMicros(_ userPseudoID: String) -> Int64? {
        guard let seconds = userPseudoID.split(separator: ".").last.flatMap({ Int64($0) }) else { return nil }
        return seconds * 1_000_000
    }
}
