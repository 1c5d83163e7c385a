import OmnidashCore

/// The GAQL fields the Sandbox serves, by resource, and which resources each `FROM` resource may select
/// (developers.google.com/google-ads/api/fields): `campaign` reads its customer and budget; `ad_group` its campaign;
/// `ad_group_ad` its ad group; `keyword_view` its ad group criterion; `asset_group` (Performance Max) its campaign;
/// `customer_client` lists a manager's clients.
enum GoogleAdsFieldCatalog {
    static let selectable: [String: Set<String>] = [
        "customer": ["customer", "segments", "metrics"],
        "campaign": ["customer", "campaign", "campaign_budget", "segments", "metrics"],
        "ad_group": ["customer", "campaign", "campaign_budget", "ad_group", "segments", "metrics"],
        "ad_group_ad": ["customer", "campaign", "campaign_budget", "ad_group", "ad_group_ad", "segments", "metrics"],
        "keyword_view": ["customer", "campaign", "campaign_budget", "ad_group", "ad_group_criterion", "keyword_view", "segments", "metrics"],
        "asset_group": ["customer", "campaign", "campaign_budget", "asset_group"],
        "customer_client": ["customer", "customer_client"],
    ]

    static let fields: Set<String> = [
        "customer.resource_name", "customer.id", "customer.descriptive_name", "customer.currency_code", "customer.time_zone",
        "customer.manager", "customer.status",
        "campaign.resource_name", "campaign.id", "campaign.name", "campaign.status", "campaign.advertising_channel_type",
        "campaign.start_date", "campaign.end_date", "campaign.campaign_budget", "campaign.serving_status",
        "campaign.final_url_suffix", "campaign.tracking_url_template",
        "campaign_budget.resource_name", "campaign_budget.id", "campaign_budget.amount_micros", "campaign_budget.period",
        "campaign_budget.explicitly_shared", "campaign_budget.delivery_method", "campaign_budget.status",
        "ad_group.resource_name", "ad_group.id", "ad_group.name", "ad_group.status", "ad_group.type", "ad_group.campaign",
        "ad_group_ad.resource_name", "ad_group_ad.status", "ad_group_ad.ad_group", "ad_group_ad.ad.resource_name",
        "ad_group_ad.ad.id", "ad_group_ad.ad.name", "ad_group_ad.ad.type", "ad_group_ad.ad.final_urls",
        "ad_group_ad.ad.final_url_suffix", "ad_group_ad.ad.tracking_url_template",
        "asset_group.resource_name", "asset_group.id", "asset_group.name", "asset_group.status", "asset_group.campaign",
        "asset_group.final_urls",
        "ad_group_criterion.resource_name", "ad_group_criterion.criterion_id", "ad_group_criterion.keyword.text",
        "ad_group_criterion.keyword.match_type", "ad_group_criterion.status", "ad_group_criterion.type",
        "ad_group_criterion.negative",
        "keyword_view.resource_name",
        "segments.date",
        "metrics.impressions", "metrics.clicks", "metrics.cost_micros", "metrics.conversions", "metrics.conversions_value",
        "metrics.ctr", "metrics.average_cpc",
        "customer_client.resource_name", "customer_client.client_customer", "customer_client.id", "customer_client.level",
        "customer_client.manager", "customer_client.descriptive_name", "customer_client.currency_code",
        "customer_client.time_zone", "customer_client.status",
    ]

    /// The resource a field belongs to: its first component (`ad_group_criterion.keyword.text` → `ad_group_criterion`).
    static func resource(of field: String) -> String { String(field.prefix { $0 != "." }) }

    /// Checks a query's fields against the catalogue and its `FROM` resource.
    static func validate(_ query: GAQLQuery) throws(GAQLQuery.Failure) {
        guard let allowed = selectable[query.resource] else {
            throw GAQLQuery.Failure(code: "BAD_RESOURCE_TYPE_IN_FROM_CLAUSE",
                                    message: "Error in query: invalid resource type '\(query.resource)' in the FROM clause.")
        }
        for field in query.fields + query.conditions.map(\.field) + query.ordering.map(\.field) {
            guard fields.contains(field) else {
                throw GAQLQuery.Failure(code: "UNRECOGNIZED_FIELD", message: "Unrecognized field in the query: '\(field)'.")
            }
            let resource = resource(of: field)
            guard allowed.contains(resource) else {
                throw GAQLQuery.Failure(code: "PROHIBITED_RESOURCE_TYPE_IN_SELECT_CLAUSE",
                                        message: "Cannot select or filter on the following field: '\(field)', since the resource "
                                            + "'\(resource)' is not selectable with '\(query.resource)' in the FROM clause.")
            }
        }
        if Set(query.fields).count != query.fields.count {
            throw GAQLQuery.Failure(code: "DUPLICATE_FIELDS_IN_SELECT", message: "Error in query: a field is selected more than once.")
        }
    }

    /// `metrics.cost_micros` → `metrics.costMicros`: the REST (JSON) name of a field path.
    static func camelPath(_ field: String) -> String {
        field.split(separator: ".").map { camel($0) }.joined(separator: ".")
    }

    static func camel(_ name: Substring) -> String {
        var result = ""
        var upper = false
        for character in name {
            if character == "_" { upper = true; continue }
            result += upper ? character.uppercased() : String(character)
            upper = false
        }
        return result
    }

    /// The value of `field` for `row`; `nil` when the row has no such object.
    static func value(_ field: String, of row: GoogleAdsReportRow) -> GoogleAdsFieldValue? {
        let customerPath = "customers/\(row.customerID)"
        let metrics = row.metrics
        switch field {
        case "customer.resource_name": return .string(customerPath)
        case "customer.id": return .int64(Int64(row.customerID) ?? 0)
        case "customer.descriptive_name": return .string(row.customer?.name ?? "Sukhon Beauty Manager")
        case "customer.currency_code": return .string(row.customer?.currency ?? "THB")
        case "customer.time_zone": return .string(row.customer?.timeZone ?? "Asia/Bangkok")
        case "customer.manager": return .bool(row.customer == nil)
        case "customer.status": return .enumName("ENABLED")
        default: break
        }
        if field.hasPrefix("customer_client.") {
            guard let client = row.client else { return nil }
            let isManager = client.id == row.customerID
            switch field {
            case "customer_client.resource_name": return .string("\(customerPath)/customerClients/\(client.id)")
            case "customer_client.client_customer": return .string("customers/\(client.id)")
            case "customer_client.id": return .int64(Int64(client.id) ?? 0)
            case "customer_client.level": return .int64(isManager ? 0 : 1)
            case "customer_client.manager": return .bool(isManager)
            case "customer_client.descriptive_name": return .string(client.name)
            case "customer_client.currency_code": return .string(client.currency)
            case "customer_client.time_zone": return .string(client.timeZone)
            default: return .enumName("ENABLED")
            }
        }
        if field.hasPrefix("campaign.") || field.hasPrefix("campaign_budget.") {
            guard let campaign = row.campaign else { return nil }
            let budgetID = budgetID(of: campaign)
            switch field {
            case "campaign.resource_name": return .string("\(customerPath)/campaigns/\(campaign.id)")
            case "campaign.id": return .int64(Int64(campaign.id) ?? 0)
            case "campaign.name": return .string(campaign.name)
            case "campaign.status": return .enumName("ENABLED")
            case "campaign.serving_status": return .enumName("SERVING")
            case "campaign.advertising_channel_type": return .enumName(campaign.googleChannelType)
            case "campaign.start_date": return .string(campaign.startDate.description)
            case "campaign.end_date": return .string("2037-12-30")
            case "campaign.final_url_suffix": return .string(campaign.googleFinalURLSuffix)
            // No click redirect: an unset string, which proto3 JSON leaves out.
            case "campaign.tracking_url_template": return .string("")
            case "campaign.campaign_budget", "campaign_budget.resource_name": return .string("\(customerPath)/campaignBudgets/\(budgetID)")
            case "campaign_budget.id": return .int64(budgetID)
            case "campaign_budget.amount_micros": return .int64(campaign.effectiveDailyBudgetMinor * 10_000)
            case "campaign_budget.period": return .enumName("DAILY")
            case "campaign_budget.explicitly_shared": return .bool(false)
            case "campaign_budget.delivery_method": return .enumName("STANDARD")
            default: return .enumName("ENABLED")
            }
        }
        if field.hasPrefix("ad_group_ad.") {
            guard let ad = row.ad, let adGroup = row.adGroup, let campaign = row.campaign else { return nil }
            let landing = GoogleLandingURL(ad.landingURL)
            switch field {
            case "ad_group_ad.resource_name": return .string("\(customerPath)/adGroupAds/\(adGroup.id)~\(ad.id)")
            case "ad_group_ad.ad_group": return .string("\(customerPath)/adGroups/\(adGroup.id)")
            case "ad_group_ad.ad.resource_name": return .string("\(customerPath)/ads/\(ad.id)")
            case "ad_group_ad.ad.id": return .int64(Int64(ad.id) ?? 0)
            case "ad_group_ad.ad.name": return .string(ad.name)
            case "ad_group_ad.ad.type": return .enumName(campaign.googleAdType)
            case "ad_group_ad.ad.final_urls": return .strings([landing.finalURL])
            case "ad_group_ad.ad.final_url_suffix": return .string(landing.adSuffix(campaignSuffix: campaign.googleFinalURLSuffix))
            case "ad_group_ad.ad.tracking_url_template": return .string("")
            default: return .enumName("ENABLED")
            }
        }
        if field.hasPrefix("asset_group.") {
            guard let group = row.assetGroup, let campaign = row.campaign else { return nil }
            switch field {
            case "asset_group.resource_name": return .string("\(customerPath)/assetGroups/\(group.id)")
            case "asset_group.id": return .int64(Int64(group.id) ?? 0)
            case "asset_group.name": return .string(group.name)
            case "asset_group.campaign": return .string("\(customerPath)/campaigns/\(campaign.id)")
            // The group's page; the campaign's final URL suffix carries the tracking parameters.
            case "asset_group.final_urls": return .strings(group.ads.first.map { [GoogleLandingURL($0.landingURL).finalURL] } ?? [])
            default: return .enumName("ENABLED")
            }
        }
        if field.hasPrefix("ad_group.") {
            guard let adGroup = row.adGroup, let campaign = row.campaign else { return nil }
            switch field {
            case "ad_group.resource_name": return .string("\(customerPath)/adGroups/\(adGroup.id)")
            case "ad_group.id": return .int64(Int64(adGroup.id) ?? 0)
            case "ad_group.name": return .string(adGroup.name)
            case "ad_group.status": return .enumName("ENABLED")
            case "ad_group.type": return .enumName(campaign.googleAdGroupType)
            default: return .string("\(customerPath)/campaigns/\(campaign.id)")
            }
        }
        if field.hasPrefix("ad_group_criterion.") || field.hasPrefix("keyword_view.") {
            guard let keyword = row.keyword, let adGroup = row.adGroup else { return nil }
            switch field {
            case "ad_group_criterion.resource_name": return .string("\(customerPath)/adGroupCriteria/\(adGroup.id)~\(keyword.id)")
            case "keyword_view.resource_name": return .string("\(customerPath)/keywordViews/\(adGroup.id)~\(keyword.id)")
            case "ad_group_criterion.criterion_id": return .int64(Int64(keyword.id) ?? 0)
            case "ad_group_criterion.keyword.text": return .string(keyword.text)
            case "ad_group_criterion.keyword.match_type": return .enumName(keyword.matchType.uppercased())
            case "ad_group_criterion.type": return .enumName("KEYWORD")
            case "ad_group_criterion.negative": return .bool(false)
            default: return .enumName("ENABLED")
            }
        }
        switch field {
        case "segments.date": return row.date.map { .string($0.description) }
        case "metrics.impressions": return metrics.map { .int64($0.impressions) }
        case "metrics.clicks": return metrics.map { .int64($0.clicks) }
        case "metrics.cost_micros": return metrics.map { .int64($0.costMinor * 10_000) }
        case "metrics.conversions": return metrics.map { .double(minor: $0.conversions * 100) }
        case "metrics.conversions_value": return metrics.map { .double(minor: $0.conversionValueMinor) }
        case "metrics.ctr":
            return metrics.flatMap { $0.impressions == 0 ? nil : .double(AmountText.ratio($0.clicks, $0.impressions, digits: 8)) }
        case "metrics.average_cpc":
            return metrics.flatMap { $0.clicks == 0 ? nil : .double(AmountText.ratio($0.costMinor * 10_000, $0.clicks, digits: 2)) }
        default: return nil
        }
    }

    /// A budget id per campaign (each campaign has its own, unshared budget).
    static func budgetID(of campaign: SandboxCampaign) -> Int64 { (Int64(campaign.id) ?? 0) % 1_000_000_000 + 13_000_000_000 }

    /// The row rendered as a `GoogleAdsRow`: one object per resource, in the order the resources are first selected,
    /// each with its `resourceName` first; default values left out as proto3 JSON does.
    static func render(_ row: GoogleAdsReportRow, fields: [String]) -> JSONValue {
        var resources: [(String, [(String, JSONValue)])] = []
        func insert(_ path: [String], _ value: JSONValue, into members: inout [(String, JSONValue)]) {
            if path.count == 1 {
                members.append((path[0], value))
                return
            }
            if let index = members.firstIndex(where: { $0.0 == path[0] }), case .object(var inner) = members[index].1 {
                insert(Array(path.dropFirst()), value, into: &inner)
                members[index].1 = .object(inner)
            } else {
                var inner: [(String, JSONValue)] = []
                insert(Array(path.dropFirst()), value, into: &inner)
                members.append((path[0], .object(inner)))
            }
        }
        for field in fields {
            let resource = resource(of: field)
            if !resources.contains(where: { $0.0 == resource }) {
                var members: [(String, JSONValue)] = []
                if resource != "segments", resource != "metrics", let name = value("\(resource).resource_name", of: row) {
                    members.append(("resourceName", name.json))
                }
                resources.append((resource, members))
            }
            guard !field.hasSuffix(".resource_name"), let value = value(field, of: row), !value.isDefault else { continue }
            let index = resources.firstIndex { $0.0 == resource }!
            let path = field.split(separator: ".").dropFirst().map { camel($0) }
            insert(path, value.json, into: &resources[index].1)
        }
        return .object(resources.filter { !$0.1.isEmpty }.map { (camel(Substring($0.0)), JSONValue.object($0.1)) })
    }
}
