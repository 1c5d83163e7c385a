import Foundation
import Hummingbird
import OmnidashCore

/// `GET /{version}/act_{id}/campaigns`, `/adsets`, `/ads` and `/adcreatives`: the account's objects with only the
/// requested fields (`id` alone when `fields` is absent, as Meta does), `creative{…}` expanded on ads, paged with
/// `limit`, `paging.cursors.after` and a `paging.next` URL left out on the last page. Budgets are strings in the account currency's minor units: the level that carries the
/// budget (the campaign with a campaign budget, else its ad sets) has `daily_budget` and `lifetime_budget` `"0"`; the
/// other level has neither. Every object is ACTIVE and has run since its campaign's start date, at midnight of the
/// account's zone. `effective_status` (JSON list) and `filtering` on `effective_status` are honoured. Each ad has one
/// link-ad creative: the ad's landing page without its query in `object_story_spec.link_data.link`, and the query (the
/// UTM parameters) in `url_tags`, which Meta appends to the link when a person clicks.
extension FacebookEmulator {
    func entities(_ account: Int, edge: EntityEdge, path: String, query: QueryParameters) throws -> Response {
        guard let fields = GraphFieldSelection(query["fields"] ?? "") else {
            throw GraphError.invalidParameter("Syntax error: the braces of param fields do not balance")
        }
        try Self.validate(fields, on: edge)
        let limit: Int
        if let text = query["limit"] {
            guard let value = Int(text), value > 0 else { throw GraphError.invalidParameter("Param limit must be a positive integer") }
            limit = min(value, InsightsRequest.maximumLimit)
        } else {
            limit = InsightsRequest.defaultLimit
        }
        var offset = 0
        if let after = query["after"], !after.isEmpty {
            guard let index = GraphCursor.decode(after) else { throw GraphError.invalidParameter("Param after is not a valid cursor") }
            offset = index + 1
        }
        let objects = try wantsActive(query) ? objects(account, edge: edge) : []
        let page = objects.dropFirst(offset).prefix(limit)
        var writer = JSONWriter(reservingCapacity: 8_192)
        writer.beginObject()
        writer.key("data")
        writer.beginArray()
        for object in page {
            if edge == .adcreatives, let ad = object.ad {
                writeCreative(of: ad, account: object.account, fields: fields, into: &writer)
            } else {
                write(object, fields: fields, into: &writer)
            }
        }
        writer.endArray()
        if !page.isEmpty {
            let last = offset + page.count - 1
            writer.key("paging")
            writer.beginObject()
            writer.key("cursors")
            writer.beginObject()
            writer.field("before", GraphCursor.encode(offset))
            writer.field("after", GraphCursor.encode(last))
            writer.endObject()
            if last + 1 < objects.count {
                writer.field("next", baseURL.withLock { $0 } + path + "?" + query.replacing("after", with: GraphCursor.encode(last)))
            }
            writer.endObject()
        }
        writer.endObject()
        return HTTPReply.json(.ok, writer.bytes)
    }

    /// One object of the tree, at the edge's level.
    private struct Entity {
        let account: SandboxAdAccount
        let campaign: SandboxCampaign
        let adSet: SandboxAdSet?
        let ad: SandboxAd?
    }

    private func objects(_ account: Int, edge: EntityEdge) -> [Entity] {
        let owner = world.adAccounts[account]
        return owner.campaigns.flatMap { campaign -> [Entity] in
            switch edge {
            case .campaigns: return [Entity(account: owner, campaign: campaign, adSet: nil, ad: nil)]
            case .adsets: return campaign.adSets.map { Entity(account: owner, campaign: campaign, adSet: $0, ad: nil) }
            case .ads, .adcreatives:
                return campaign.adSets.flatMap { set in set.ads.map { Entity(account: owner, campaign: campaign, adSet: set, ad: $0) } }
            }
        }
    }

    /// Every object is ACTIVE: a status filter that leaves ACTIVE out leaves nothing.
    private func wantsActive(_ query: QueryParameters) throws -> Bool {
        var wanted: [String]?
        if let text = query["effective_status"], !text.isEmpty {
            guard let list = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String] else {
                throw GraphError.invalidParameter("Param effective_status must be an array of statuses")
            }
            wanted = list
        }
        if let text = query["filtering"], !text.isEmpty {
            guard let list = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
                throw GraphError.invalidParameter("Param filtering must be a JSON list of {field, operator, value} objects")
            }
            for entry in list where (entry["field"] as? String)?.hasSuffix("effective_status") == true {
                switch (entry["operator"] as? String, entry["value"]) {
                case ("IN", let values as [String]): wanted = (wanted ?? values).filter(values.contains)
                case ("EQUAL", let value as String): wanted = (wanted ?? [value]).filter { $0 == value }
                case ("NOT_IN", let values as [String]): if values.contains("ACTIVE") { wanted = [] }
                default: continue
                }
            }
        }
        return wanted.map { $0.contains("ACTIVE") } ?? true
    }

    /// Every selected field must exist on its node type, inside braces too.
    private static func validate(_ fields: GraphFieldSelection, on edge: EntityEdge) throws {
        for name in fields.names {
            guard edge.knownFields.contains(name) else {
                throw GraphError.invalidParameter("Tried accessing nonexisting field (\(name)) on node type (\(edge.nodeType))")
            }
            guard let inner = fields.inside(name), let node = EntityEdge.nestedNodeFields(of: name, on: edge) else { continue }
            if let unknown = inner.names.first(where: { !node.fields.contains($0) }) {
                throw GraphError.invalidParameter("Tried accessing nonexisting field (\(unknown)) on node type (\(node.nodeType))")
            }
        }
    }

    private func write(_ entity: Entity, fields: GraphFieldSelection, into writer: inout JSONWriter) {
        let (account, campaign) = (entity.account, entity.campaign)
        let want = { (name: String) in fields.contains(name) }
        let start = FacebookEmulator.graphTime(campaign.startDate, hour: 0, utcOffsetHours: account.utcOffsetHours)
        // Objects were set up two days before they started, and not edited since.
        let created = FacebookEmulator.graphTime(campaign.startDate.adding(days: -2), hour: 10, utcOffsetHours: account.utcOffsetHours)
        writer.beginObject()
        if want("account_id") { writer.field("account_id", account.id) }
        if want("name") { writer.field("name", entity.ad?.name ?? entity.adSet?.name ?? campaign.name) }
        for name in ["status", "configured_status", "effective_status"] where want(name) { writer.field(name, "ACTIVE") }
        if entity.adSet != nil {
            if want("campaign_id") { writer.field("campaign_id", campaign.id) }
        }
        if let adSet = entity.adSet, entity.ad != nil, want("adset_id") { writer.field("adset_id", adSet.id) }
        if entity.ad == nil {
            // The budget is on the campaign (Advantage campaign budget) or on each ad set, never both.
            let budget = entity.adSet == nil ? campaign.dailyBudgetMinor : (campaign.dailyBudgetMinor == nil ? entity.adSet?.dailyBudgetMinor : nil)
            if let budget {
                if want("daily_budget") { writer.field("daily_budget", String(budget)) }
                if want("lifetime_budget") { writer.field("lifetime_budget", "0") }
                // Today has no delivery yet, so the whole day's budget remains.
                if want("budget_remaining") { writer.field("budget_remaining", String(budget)) }
            } else if want("budget_remaining") {
                writer.field("budget_remaining", "0")
            }
            if want("start_time") { writer.field("start_time", start) }
        }
        if entity.adSet == nil {
            if want("objective") { writer.field("objective", campaign.metaObjective) }
            if want("buying_type") { writer.field("buying_type", "AUCTION") }
            if want("bid_strategy") { writer.field("bid_strategy", "LOWEST_COST_WITHOUT_CAP") }
            if want("special_ad_categories") {
                writer.key("special_ad_categories")
                writer.beginArray()
                writer.endArray()
            }
        } else if entity.ad == nil {
            if want("billing_event") { writer.field("billing_event", "IMPRESSIONS") }
            if want("optimization_goal") { writer.field("optimization_goal", campaign.kind == .awareness ? "REACH" : "OFFSITE_CONVERSIONS") }
        }
        if let ad = entity.ad, want("creative") {
            writer.key("creative")
            // Without braces Meta writes the creative's id alone.
            writeCreative(of: ad, account: account, fields: fields.inside("creative") ?? GraphFieldSelection("id")!, into: &writer)
        }
        if want("created_time") { writer.field("created_time", created) }
        if want("updated_time") { writer.field("updated_time", created) }
        writer.field("id", entity.ad?.id ?? entity.adSet?.id ?? campaign.id)
        writer.endObject()
    }

    /// The ad's creative: a link ad of the brand's Page whose link is the landing page and whose URL tags are its query.
    private func writeCreative(of ad: SandboxAd, account: SandboxAdAccount, fields: GraphFieldSelection, into writer: inout JSONWriter) {
        let want = { (name: String) in fields.contains(name) }
        let (link, tags) = Self.splitLandingURL(ad.landingURL)
        writer.beginObject()
        if want("account_id") { writer.field("account_id", account.id) }
        if want("name") { writer.field("name", "\(ad.name) creative") }
        if want("status") { writer.field("status", "ACTIVE") }
        if want("object_type") { writer.field("object_type", "SHARE") }
        if want("title") { writer.field("title", ad.name) }
        if want("call_to_action_type") { writer.field("call_to_action_type", "SHOP_NOW") }
        if want("object_story_spec") {
            writer.key("object_story_spec")
            writer.beginObject()
            writer.field("page_id", Self.brandPageID)
            writer.key("link_data")
            writer.beginObject()
            writer.field("link", link)
            writer.field("name", ad.name)
            writer.key("call_to_action")
            writer.beginObject()
            writer.field("type", "SHOP_NOW")
            writer.endObject()
            writer.endObject()
            writer.endObject()
        }
        // Meta leaves out a field the creative does not set: no tags, no `url_tags`.
        if want("url_tags"), let tags { writer.field("url_tags", tags) }
        writer.field("id", Self.creativeID(of: ad))
        writer.endObject()
    }

    /// The brand's Facebook Page, which publishes every ad.
    static let brandPageID = "104839271650213"

    /// A creative id in Meta's format, one per ad: the ad's own digits under another prefix.
    static func creativeID(of ad: SandboxAd) -> String { "120219" + ad.id.dropFirst(6) }

    /// `https://site/page?utm_source=…` → (`https://site/page`, `utm_source=…`); no query, no tags.
    static func splitLandingURL(_ url: String) -> (link: String, tags: String?) {
        guard let mark = url.firstIndex(of: "?") else { return (url, nil) }
        let tags = String(url[url.index(after: mark)...])
        return (String(url[..<mark]), tags.isEmpty ? nil : tags)
    }

    /// Meta's time format: `2026-08-17T00:00:00+0700`, in the account's zone.
    static func graphTime(_ date: BusinessDate, hour: Int, utcOffsetHours: Int) -> String {
        let sign = utcOffsetHours < 0 ? "-" : "+"
        let offset = abs(utcOffsetHours)
        return "\(date)T\(hour < 10 ? "0" : "")\(hour):00:00\(sign)\(offset < 10 ? "0" : "")\(offset)00"
    }
}
