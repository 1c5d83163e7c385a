import Foundation
import Hummingbird
import OmnidashCore

extension GoogleAdsEmulator {
    /// `googleAds:search`: one page of rows, `nextPageToken` while more follow (absent on the last page),
    /// `totalResultsCount` when `searchSettings.returnTotalResultsCount` asks for it. `pageSize` is refused, as Google
    /// refuses it since pages became a fixed 10,000 rows.
    func search(customerID: String, customer: SandboxAdAccount?, body: [String: Any], pageSize: Int,
                requestID: String) throws(GoogleAdsError) -> Response {
        if body["pageSize"] != nil {
            throw GoogleAdsError.request("PAGE_SIZE_NOT_SUPPORTED", "Setting the page size is not supported. Search responses will have fixed page size of 10000 rows.")
        }
        let (query, rows) = try report(customerID: customerID, customer: customer, body: body)
        let fingerprint = Self.fingerprint(customerID + "\n" + (body["query"] as? String ?? ""))
        var offset = 0
        if let token = body["pageToken"] as? String, !token.isEmpty {
            guard let decoded = Data(base64Encoded: token).map({ String(decoding: $0, as: UTF8.self) }),
                  let bar = decoded.firstIndex(of: "|"), let start = Int(decoded[..<bar]), decoded[decoded.index(after: bar)...] == fingerprint,
                  start >= 0, start <= rows.count else {
                throw GoogleAdsError.request("INVALID_PAGE_TOKEN", "Page token is invalid.")
            }
            offset = start
        }
        let end = min(rows.count, offset + pageSize)
        var members: [(String, JSONValue)] = []
        if offset < end {
            members.append(("results", .array(rows[offset..<end].map { GoogleAdsFieldCatalog.render($0, fields: query.fields) })))
        }
        if end < rows.count {
            members.append(("nextPageToken", .string(Data("\(end)|\(fingerprint)".utf8).base64EncodedString())))
        }
        if let settings = body["searchSettings"] as? [String: Any], settings["returnTotalResultsCount"] as? Bool == true {
            members.append(("totalResultsCount", .string(String(rows.count))))
        }
        members.append(("fieldMask", .string(Self.fieldMask(query))))
        members.append(("requestId", .string(requestID)))
        if end >= rows.count { members.append(("queryResourceConsumption", .string(String(50 + rows.count / 10)))) }
        return HTTPReply.json(.ok, .object(members))
    }

    /// `googleAds:searchStream`: a JSON array of batches, each with its `results`, `fieldMask` and `requestId`; the last
    /// also carries `queryResourceConsumption`. An empty answer is one batch without `results`.
    func searchStream(customerID: String, customer: SandboxAdAccount?, body: [String: Any], batchSize: Int,
                      requestID: String) throws(GoogleAdsError) -> Response {
        let (query, rows) = try report(customerID: customerID, customer: customer, body: body)
        let mask = Self.fieldMask(query)
        var writer = JSONWriter(reservingCapacity: 256 + rows.count * 400)
        writer.beginArray()
        let starts = Array(stride(from: 0, to: max(rows.count, 1), by: batchSize))
        for start in starts {
            writer.beginObject()
            if start < rows.count {
                writer.key("results")
                writer.beginArray()
                for row in rows[start..<min(rows.count, start + batchSize)] {
                    GoogleAdsFieldCatalog.render(row, fields: query.fields).write(into: &writer)
                }
                writer.endArray()
            }
            writer.field("fieldMask", mask)
            writer.field("requestId", requestID)
            if start == starts.last { writer.field("queryResourceConsumption", String(50 + rows.count / 10)) }
            writer.endObject()
        }
        writer.endArray()
        return HTTPReply.json(.ok, writer.bytes)
    }

    /// The selected fields as REST names, comma-separated.
    static func fieldMask(_ query: GAQLQuery) -> String {
        query.fields.map(GoogleAdsFieldCatalog.camelPath).joined(separator: ",")
    }

    /// FNV-1a, hex: ties a page token to its query.
    static func fingerprint(_ text: String) -> String {
        let hash = text.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
        return String(hash, radix: 16)
    }

    // MARK: - The report

    /// Parses and runs the body's query for the customer: its rows filtered, ordered and limited.
    func report(customerID: String, customer: SandboxAdAccount?, body: [String: Any]) throws(GoogleAdsError) -> (GAQLQuery, [GoogleAdsReportRow]) {
        guard let text = body["query"] as? String, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw GoogleAdsError.request("REQUIRED_FIELD_MISSING", "Required field was not specified: query.")
        }
        do {
            let query = try GAQLQuery(text)
            try GoogleAdsFieldCatalog.validate(query)
            return (query, try rows(query, customerID: customerID, customer: customer))
        } catch {
            throw GoogleAdsError.query(error)
        }
    }

    private func rows(_ query: GAQLQuery, customerID: String, customer: SandboxAdAccount?) throws(GAQLQuery.Failure) -> [GoogleAdsReportRow] {
        let mentioned = query.fields + query.conditions.map(\.field)
        let wantsMetrics = mentioned.contains { $0.hasPrefix("metrics.") || $0.hasPrefix("segments.") }
        let byDate = query.fields.contains("segments.date")
        let range = try dateRange(query)
        if byDate && range == nil {
            throw GAQLQuery.Failure(code: "EXPECTED_FILTERS_ON_DATE_RANGE",
                                    message: "Error in query: segments.date is selected, so the query must filter segments.date to a finite range.")
        }
        var rows: [GoogleAdsReportRow]
        if query.resource == "customer_client" {
            guard customer == nil else { rows = []; return rows }
            rows = ([nil] + world.adAccounts(on: .googleAds).map(Optional.some)).map { client in
                var row = GoogleAdsReportRow(customer: nil, customerID: customerID)
                row.client = client ?? SandboxAdAccount(platform: .googleAds, id: customerID, name: "Sukhon Beauty Manager", currency: "THB",
                                                        timeZone: "Asia/Bangkok", utcOffsetHours: 7, campaigns: [])
                return row
            }
        } else if let customer {
            rows = wantsMetrics
                ? deliveryRows(query.resource, customer: customer, range: range ?? customer.lifetime(before: world.asOf), byDate: byDate)
                : entityRows(query.resource, customer: customer)
        } else {
            if mentioned.contains(where: { $0.hasPrefix("metrics.") }) {
                throw GAQLQuery.Failure(code: "REQUESTED_METRICS_FOR_MANAGER",
                                        message: "Metrics cannot be requested for a manager account. To retrieve metrics, issue separate "
                                            + "requests against each client account under the manager account.")
            }
            rows = query.resource == "customer" && !byDate ? [GoogleAdsReportRow(customer: nil, customerID: customerID)] : []
        }
        rows = rows.filter { row in query.conditions.allSatisfy { Self.matches($0, row) } }
        if !query.ordering.isEmpty {
            rows.sort { a, b in
                for order in query.ordering {
                    let left = GoogleAdsFieldCatalog.value(order.field, of: a), right = GoogleAdsFieldCatalog.value(order.field, of: b)
                    let comparison = Self.compare(left?.text, right?.text)
                    if comparison != .orderedSame { return order.descending ? comparison == .orderedDescending : comparison == .orderedAscending }
                }
                return false
            }
        }
        if let limit = query.limit, rows.count > limit { rows = Array(rows.prefix(limit)) }
        return rows
    }

    /// Every campaign, ad group, ad, keyword or asset group of the customer, whatever its delivery: the entity listings.
    private func entityRows(_ resource: String, customer: SandboxAdAccount) -> [GoogleAdsReportRow] {
        var rows: [GoogleAdsReportRow] = []
        let base = GoogleAdsReportRow(customer: customer, customerID: customer.id)
        if resource == "customer" { return [base] }
        for campaign in customer.campaigns {
            var row = base
            row.campaign = campaign
            if resource == "campaign" { rows.append(row); continue }
            if resource == "asset_group" {
                // Only Performance Max campaigns have asset groups: the world's ad sets of a campaign without ad groups.
                guard !campaign.hasAdGroups else { continue }
                for group in campaign.adSets {
                    row.assetGroup = group
                    rows.append(row)
                }
                continue
            }
            guard campaign.hasAdGroups else { continue }
            for adGroup in campaign.adSets {
                row.adGroup = adGroup
                if resource == "ad_group" { rows.append(row); continue }
                if resource == "ad_group_ad" {
                    for ad in adGroup.ads {
                        row.ad = ad
                        rows.append(row)
                    }
                    continue
                }
                for keyword in adGroup.keywords {
                    row.keyword = keyword
                    rows.append(row)
                }
            }
        }
        return rows
    }

    /// Delivery over `range`, per object of the `FROM` resource and per day when `byDate`; objects without delivery
    /// are left out, as Google leaves out rows whose metrics are all zero.
    private func deliveryRows(_ resource: String, customer: SandboxAdAccount, range: ClosedRange<BusinessDate>,
                              byDate: Bool) -> [GoogleAdsReportRow] {
        struct Key: Hashable { var campaign = -1, adGroup = -1, ad = -1, keyword = -1, day = 0 }
        var totals: [Key: GoogleAdsReportRow.Metrics] = [:]
        var order: [Key] = []
        func add(_ key: Key, _ metrics: GoogleAdsReportRow.Metrics) {
            if totals[key] == nil { order.append(key) }
            totals[key, default: .init()] = totals[key, default: .init()] + metrics
        }
        let last = min(range.upperBound, world.asOf.adding(days: -1))
        guard range.lowerBound <= last else { return [] }
        for day in range.lowerBound...last {
            let age = world.age(of: day)
            var groups: [Key: GoogleAdsReportRow.Metrics] = [:]
            var groupOrder: [Key] = []
            for performance in world.adPerformance(on: day) {
                let position = world.adsPlan.ads[performance.adIndex]
                guard world.adsPlan.account(of: position) == customer else { continue }
                let served = performance.conversions(age: age)
                let metrics = GoogleAdsReportRow.Metrics(
                    impressions: performance.impressions, clicks: performance.clicks, costMinor: performance.spendMinor,
                    conversions: served.purchases, conversionValueMinor: served.valueMinor)
                let campaign = world.adsPlan.campaign(of: position)
                var key = Key(day: byDate ? day.daysSinceEpoch : 0)
                key.campaign = position.campaign
                switch resource {
                case "customer": key.campaign = -1
                case "campaign": break
                default:
                    guard campaign.hasAdGroups else { continue }
                    key.adGroup = position.adSet
                    if resource == "ad_group_ad" { key.ad = position.ad }
                }
                if groups[key] == nil { groupOrder.append(key) }
                groups[key, default: .init()] = groups[key, default: .init()] + metrics
            }
            for key in groupOrder {
                let metrics = groups[key]!
                guard resource == "keyword_view" else { add(key, metrics); continue }
                let keywords = customer.campaigns[key.campaign].adSets[key.adGroup].keywords
                for (index, part) in metrics.split(keywords.map(\.sharePermille)).enumerated() where !part.isZero {
                    var keywordKey = key
                    keywordKey.keyword = index
                    add(keywordKey, part)
                }
            }
        }
        return order.map { key in
            var row = GoogleAdsReportRow(customer: customer, customerID: customer.id)
            if key.campaign >= 0 { row.campaign = customer.campaigns[key.campaign] }
            if key.adGroup >= 0 { row.adGroup = row.campaign!.adSets[key.adGroup] }
            if key.ad >= 0 { row.ad = row.adGroup!.ads[key.ad] }
            if key.keyword >= 0 { row.keyword = row.adGroup!.keywords[key.keyword] }
            if byDate { row.date = BusinessDate(daysSinceEpoch: key.day) }
            row.metrics = totals[key]
            return row
        }
    }

    /// The days `segments.date` conditions allow (`BETWEEN`, `=`, comparisons, `IN`, `DURING`), `nil` when they leave
    /// the range open.
    private func dateRange(_ query: GAQLQuery) throws(GAQLQuery.Failure) -> ClosedRange<BusinessDate>? {
        var low: BusinessDate?, high: BusinessDate?
        func date(_ text: String) throws(GAQLQuery.Failure) -> BusinessDate {
            guard let date = BusinessDate(text) else {
                throw GAQLQuery.Failure(code: "BAD_VALUE", message: "Error in query: invalid date '\(text)', expected YYYY-MM-DD.")
            }
            return date
        }
        func narrow(_ from: BusinessDate?, _ to: BusinessDate?) {
            if let from { low = max(low ?? from, from) }
            if let to { high = min(high ?? to, to) }
        }
        for condition in query.conditions where condition.field == "segments.date" {
            switch condition.op {
            case .between:
                let from = try date(condition.values[0]), to = try date(condition.values[1])
                guard from <= to else {
                    throw GAQLQuery.Failure(code: "DATE_RANGE_TOO_NARROW", message: "Error in query: the start date \(from) is after the end date \(to).")
                }
                narrow(from, to)
            case .equal: let day = try date(condition.values[0]); narrow(day, day)
            case .greaterOrEqual: narrow(try date(condition.values[0]), nil)
            case .greater: narrow(try date(condition.values[0]).adding(days: 1), nil)
            case .lessOrEqual: narrow(nil, try date(condition.values[0]))
            case .less: narrow(nil, try date(condition.values[0]).adding(days: -1))
            case .in:
                var days: [BusinessDate] = []
                for value in condition.values { days.append(try date(value)) }
                if let first = days.min(), let last = days.max() { narrow(first, last) }
            case .during:
                guard let span = during(condition.values[0]) else {
                    throw GAQLQuery.Failure(code: "INVALID_VALUE_WITH_DURING_OPERATOR",
                                            message: "Invalid date literal supplied for DURING operator: \(condition.values[0]).")
                }
                narrow(span.lowerBound, span.upperBound)
            default: break
            }
        }
        guard let low, let high else { return nil }
        guard low <= high else { return nil }
        return low...high
    }

    /// Google's predefined `DURING` ranges, on the customer's today (the world's Bangkok date).
    private func during(_ literal: String) -> ClosedRange<BusinessDate>? {
        let today = world.asOf
        let month = BusinessDate(year: today.year, month: today.month, day: 1)!
        switch literal.uppercased() {
        case "TODAY": return today...today
        case "YESTERDAY": return today.adding(days: -1)...today.adding(days: -1)
        case "LAST_7_DAYS": return today.adding(days: -7)...today.adding(days: -1)
        case "LAST_14_DAYS": return today.adding(days: -14)...today.adding(days: -1)
        case "LAST_30_DAYS": return today.adding(days: -30)...today.adding(days: -1)
        case "THIS_MONTH": return month...today
        case "LAST_MONTH":
            let end = month.adding(days: -1)
            return BusinessDate(year: end.year, month: end.month, day: 1)!...end
        default: return nil
        }
    }

    static func matches(_ condition: GAQLQuery.Condition, _ row: GoogleAdsReportRow) -> Bool {
        let value = GoogleAdsFieldCatalog.value(condition.field, of: row)?.text
        switch condition.op {
        case .isNull: return value == nil
        case .isNotNull: return value != nil
        case .during: return true
        default: break
        }
        guard let value else { return false }
        let first = condition.values.first ?? ""
        switch condition.op {
        case .equal: return compare(value, first) == .orderedSame
        case .notEqual: return compare(value, first) != .orderedSame
        case .greater: return compare(value, first) == .orderedDescending
        case .greaterOrEqual: return compare(value, first) != .orderedAscending
        case .less: return compare(value, first) == .orderedAscending
        case .lessOrEqual: return compare(value, first) != .orderedDescending
        case .in: return condition.values.contains { compare(value, $0) == .orderedSame }
        case .notIn: return !condition.values.contains { compare(value, $0) == .orderedSame }
        case .between: return compare(value, first) != .orderedAscending && compare(value, condition.values[1]) != .orderedDescending
        case .like, .notLike:
            let pattern = "^" + NSRegularExpression.escapedPattern(for: first).replacingOccurrences(of: "%", with: ".*") + "$"
            let found = value.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil
            return condition.op == .like ? found : !found
        default: return true
        }
    }

    /// Numbers by value, anything else as text; a missing value sorts first.
    static func compare(_ left: String?, _ right: String?) -> ComparisonResult {
        guard let left else { return right == nil ? .orderedSame : .orderedAscending }
        guard let right else { return .orderedDescending }
        if let a = Decimal(string: left, locale: Locale(identifier: "en_US_POSIX")), let b = Decimal(string: right, locale: Locale(identifier: "en_US_POSIX")),
           left.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }), right.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) {
            return a == b ? .orderedSame : (a < b ? .orderedAscending : .orderedDescending)
        }
        return left == right ? .orderedSame : (left < right ? .orderedAscending : .orderedDescending)
    }
}

extension SandboxAdAccount {
    /// Every day the customer could have delivered before `today`: from its first campaign's start.
    func lifetime(before today: BusinessDate) -> ClosedRange<BusinessDate> {
        let start = campaigns.map(\.startDate).min() ?? today.adding(days: -1)
        return start...max(start, today.adding(days: -1))
    }
}
