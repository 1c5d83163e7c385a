import Foundation
import OmnidashCore

/// The parameters of `GET /{version}/act_{id}/insights`, read and checked as Meta does (ads-apis.md §1.2).
struct InsightsRequest {
    enum Level: String, Hashable {
        case account, campaign, adset, ad
    }

    enum Increment: Hashable {
        case days(Int)
        case monthly
        case allDays
    }

    /// What determines the rows (not their rendering or paging), the key under which rows are cached.
    struct RowsKey: Hashable {
        let accountID: String
        let level: Level
        let since: BusinessDate
        let until: BusinessDate
        let increment: Increment
        let filter: IDFilter
        let breakdowns: [AudienceSplit.Dimension]
    }

    /// `filtering` on object ids (`campaign.id`, `adset.id`, `ad.id` with `IN` or `EQUAL`); other filters, such
    /// as `ad.effective_status`, are accepted and have no effect (every simulated ad is active or in a flight).
    struct IDFilter: Hashable {
        var campaignIDs: Set<String>?
        var adSetIDs: Set<String>?
        var adIDs: Set<String>?
    }

    let level: Level
    let since: BusinessDate
    let until: BusinessDate
    let increment: Increment
    let fields: [String]
    let windows: [String]
    let limit: Int
    /// Index of the first row of the page (from the `after` cursor).
    let offset: Int
    let filter: IDFilter
    /// `breakdowns`: the audience dimensions each row is split by (only `age` and `gender` are emulated).
    let breakdowns: [AudienceSplit.Dimension]

    static let defaultLimit = 25
    /// Meta does not publish a maximum page size; larger `limit`s are quietly capped here.
    static let maximumLimit = 500
    static let defaultFields = ["impressions", "spend"]

    static let knownFields: Set<String> = [
        "account_id", "account_name", "account_currency", "campaign_id", "campaign_name", "adset_id", "adset_name",
        "ad_id", "ad_name", "objective", "buying_type", "impressions", "reach", "frequency", "clicks",
        "inline_link_clicks", "inline_link_click_ctr", "cost_per_inline_link_click", "spend", "cpc", "cpm", "cpp",
        "ctr", "actions", "action_values", "cost_per_action_type", "purchase_roas", "attribution_setting",
        "date_start", "date_stop",
    ]

    /// The SDK's `action_attribution_windows` values; those the world does not model are accepted and omitted.
    static let knownWindows: Set<String> = [
        "1d_click", "1d_ev", "1d_view", "28d_click", "28d_view", "7d_click", "7d_view", "dda", "default",
        "incrementality", "skan_click", "skan_view", "skan_click_second_postback", "skan_view_second_postback",
        "skan_click_third_postback", "skan_view_third_postback",
    ]

    func rowsKey(accountID: String) -> RowsKey {
        RowsKey(accountID: accountID, level: level, since: since, until: until, increment: increment, filter: filter,
                breakdowns: breakdowns)
    }

    /// Reads the request; `asOf` is the world's today, the reference for presets and the 37-month limit.
    init(query: QueryParameters, asOf: BusinessDate) throws {
        let levelText = query["level"] ?? "account"
        guard let level = Level(rawValue: levelText) else {
            throw GraphError.invalidParameter("Param level must be one of {ad, adset, campaign, account}")
        }
        self.level = level

        if let fieldsText = query["fields"], !fieldsText.isEmpty {
            let fields = fieldsText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if let unknown = fields.first(where: { !InsightsRequest.knownFields.contains($0) }) {
                throw GraphError.invalidParameter(
                    "\(unknown) is not valid for fields param. please check "
                        + "https://developers.facebook.com/docs/marketing-api/reference/ads-insights/ for all valid values")
            }
            self.fields = fields
        } else {
            self.fields = InsightsRequest.defaultFields
        }

        (since, until) = try InsightsRequest.timeRange(query, asOf: asOf)
        increment = try InsightsRequest.increment(query["time_increment"])
        windows = try InsightsRequest.windows(query["action_attribution_windows"])

        if let limitText = query["limit"] {
            guard let limit = Int(limitText), limit > 0 else {
                throw GraphError.invalidParameter("Param limit must be a positive integer")
            }
            self.limit = min(limit, InsightsRequest.maximumLimit)
        } else {
            limit = InsightsRequest.defaultLimit
        }
        if let after = query["after"], !after.isEmpty {
            guard let index = GraphCursor.decode(after) else {
                throw GraphError.invalidParameter("Param after is not a valid cursor")
            }
            offset = index + 1
        } else {
            offset = 0
        }
        breakdowns = try InsightsRequest.breakdowns(query["breakdowns"])
        if query.has("time_ranges") {
            throw GraphError.invalidParameter("The Sandbox's insights emulator does not support time_ranges; use time_range")
        }
        filter = try InsightsRequest.filter(query["filtering"])
    }

    private static func timeRange(_ query: QueryParameters, asOf: BusinessDate) throws -> (BusinessDate, BusinessDate) {
        let yesterday = asOf.adding(days: -1)
        let oldest = asOf.adding(months: -37)
        let range: (BusinessDate, BusinessDate)
        if let text = query["time_range"], !text.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                  let sinceText = object["since"] as? String, let untilText = object["until"] as? String,
                  let since = BusinessDate(sinceText), let until = BusinessDate(untilText)
            else {
                throw GraphError.invalidParameter(
                    "Param time_range must be a JSON object with since and until dates as YYYY-MM-DD")
            }
            guard since <= until else {
                throw GraphError.invalidParameter("The time range's since date must not be after its until date")
            }
            range = (since, until)
        } else {
            let preset = query["date_preset"] ?? "last_30d"
            switch preset {
            case "today": range = (asOf, asOf)
            case "yesterday": range = (yesterday, yesterday)
            case "last_3d", "last_7d", "last_14d", "last_28d", "last_30d", "last_90d":
                let days = Int(preset.dropFirst(5).dropLast())!
                range = (asOf.adding(days: -days), yesterday)
            case "this_month": range = (asOf.startOfMonth, asOf)
            case "last_month":
                let first = asOf.startOfMonth.adding(months: -1)
                range = (first, first.endOfMonth)
            case "this_year": range = (BusinessDate(year: asOf.year, month: 1, day: 1)!, asOf)
            case "maximum": range = (oldest, asOf)
            default:
                throw GraphError.invalidParameter("Param date_preset must be one of {today, yesterday, this_month, "
                    + "last_month, this_year, last_3d, last_7d, last_14d, last_28d, last_30d, last_90d, maximum}")
            }
        }
        guard range.0 >= oldest else {
            throw GraphError.invalidParameter("The start date of the time range cannot be beyond 37 months from the current date")
        }
        return range
    }

    /// Accepts the comma-separated form (`age,gender`) and the JSON list form the SDKs send (`["age","gender"]`).
    private static func breakdowns(_ text: String?) throws -> [AudienceSplit.Dimension] {
        guard let text, !text.isEmpty else { return [] }
        let names: [String]
        if text.hasPrefix("[") {
            guard let list = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String] else {
                throw GraphError.invalidParameter("Param breakdowns must be a list of breakdowns")
            }
            names = list
        } else {
            names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        var dimensions: [AudienceSplit.Dimension] = []
        for name in names {
            guard let dimension = AudienceSplit.Dimension(rawValue: name) else {
                throw GraphError.invalidParameter("The Sandbox's insights emulator supports only the age and gender breakdowns, not \(name)")
            }
            if !dimensions.contains(dimension) { dimensions.append(dimension) }
        }
        return dimensions.sorted { $0.rawValue < $1.rawValue }
    }

    private static func increment(_ text: String?) throws -> Increment {
        guard let text, !text.isEmpty else { return .allDays }
        switch text {
        case "all_days": return .allDays
        case "monthly": return .monthly
        default:
            guard let days = Int(text), (1...90).contains(days) else {
                throw GraphError.invalidParameter("Param time_increment must be an integer from 1 to 90, monthly or all_days")
            }
            return .days(days)
        }
    }

    /// Accepts the JSON list form (`["1d_click","7d_click"]`) and the comma-separated form.
    private static func windows(_ text: String?) throws -> [String] {
        guard let text, !text.isEmpty else { return [] }
        let values: [String]
        if text.hasPrefix("[") {
            guard let list = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String] else {
                throw GraphError.invalidParameter("Param action_attribution_windows must be a list of windows")
            }
            values = list
        } else {
            values = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        if let unknown = values.first(where: { !knownWindows.contains($0) }) {
            throw GraphError.invalidParameter("Param action_attribution_windows[\(unknown)] is not a valid window")
        }
        return values
    }

    private static func filter(_ text: String?) throws -> IDFilter {
        var filter = IDFilter()
        guard let text, !text.isEmpty else { return filter }
        guard let list = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
            throw GraphError.invalidParameter("Param filtering must be a JSON list of {field, operator, value} objects")
        }
        for entry in list {
            guard let field = entry["field"] as? String, let operation = entry["operator"] as? String else {
                throw GraphError.invalidParameter("Param filtering must be a JSON list of {field, operator, value} objects")
            }
            let ids: Set<String>
            switch (operation, entry["value"]) {
            case ("IN", let values as [Any]): ids = Set(values.map { "\($0)" })
            case ("EQUAL", let value?): ids = ["\(value)"]
            default: continue
            }
            switch field {
            case "campaign.id": filter.campaignIDs = ids
            case "adset.id": filter.adSetIDs = ids
            case "ad.id": filter.adIDs = ids
            default: continue
            }
        }
        return filter
    }
}

/// Meta's paging cursors: the row index in base64 with `=` written as `ZD` (`"MAZDZD"` is row 0).
enum GraphCursor {
    static func encode(_ index: Int) -> String {
        Data(String(index).utf8).base64EncodedString().replacingOccurrences(of: "=", with: "ZD")
    }

    static func decode(_ cursor: String) -> Int? {
        let padded = cursor.replacingOccurrences(of: "ZD", with: "=")
        guard let data = Data(base64Encoded: padded), let text = String(data: data, encoding: .utf8),
              let index = Int(text), (0..<100_000_000).contains(index)
        else { return nil }
        return index
    }
}
