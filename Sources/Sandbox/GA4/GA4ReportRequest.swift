import Foundation
import OmnidashCore

/// A `RunReportRequest` as the emulator reads it from JSON (ads-apis.md §4.2), validated the way the Data API
/// validates it: known names, at most 9 dimensions and 10 metrics, `limit` 1…250,000 and `offset` ≥ 0 (int64 fields,
/// accepted as JSON strings or numbers), dates as YYYY-MM-DD, `today`, `yesterday` or `NdaysAgo` in the property's zone.
struct GA4ReportRequest: Sendable {
    struct DateRange: Sendable {
        let start: BusinessDate
        let end: BusinessDate
        let name: String
    }

    struct OrderBy: Sendable {
        /// A dimension or a metric name.
        let name: String
        let isMetric: Bool
        let descending: Bool
    }

    let dateRanges: [DateRange]
    let dimensions: [String]
    let metrics: [String]
    let limit: Int
    let offset: Int
    let keepEmptyRows: Bool
    let returnPropertyQuota: Bool
    let orderBys: [OrderBy]

    static let defaultLimit = 10_000
    static let maxLimit = 250_000

    /// - Parameter today: The property's current day (Asia/Bangkok).
    init(_ object: [String: Any], today: BusinessDate) throws(GA4Error) {
        guard let ranges = object["dateRanges"] as? [[String: Any]], !ranges.isEmpty else {
            throw .invalidArgument("A date range is required.")
        }
        guard ranges.count <= 4 else { throw .invalidArgument("Requests are limited to 4 date ranges.") }
        var parsed: [DateRange] = []
        for (index, range) in ranges.enumerated() {
            guard let startText = range["startDate"] as? String, let endText = range["endDate"] as? String else {
                throw .invalidArgument("Date range \(index) requires a startDate and an endDate.")
            }
            guard let start = Self.date(startText, today: today) else {
                throw .invalidArgument("Invalid startDate: \(startText). Dates must be in YYYY-MM-DD, today, yesterday, or NdaysAgo format.")
            }
            guard let end = Self.date(endText, today: today) else {
                throw .invalidArgument("Invalid endDate: \(endText). Dates must be in YYYY-MM-DD, today, yesterday, or NdaysAgo format.")
            }
            guard start <= end else {
                throw .invalidArgument("The dateRange's startDate (\(startText)) cannot be after its endDate (\(endText)).")
            }
            parsed.append(DateRange(start: start, end: end, name: (range["name"] as? String) ?? "date_range_\(index)"))
        }
        dateRanges = parsed

        let dimensionObjects = (object["dimensions"] as? [[String: Any]]) ?? []
        dimensions = dimensionObjects.compactMap { $0["name"] as? String }
        for name in dimensions where GA4FieldCatalog.dimensionsByName[name] == nil && !(name == "dateRange" && parsed.count > 1) {
            throw .unknownDimension(name)
        }
        guard dimensions.count <= GA4FieldCatalog.maxDimensions else {
            throw .invalidArgument("Requests are limited to 9 dimensions within a nested request.")
        }
        guard Set(dimensions).count == dimensions.count else { throw .invalidArgument("Dimensions in a request must be unique.") }

        let metricObjects = (object["metrics"] as? [[String: Any]]) ?? []
        metrics = metricObjects.compactMap { $0["name"] as? String }
        guard !metrics.isEmpty || !dimensions.isEmpty else { throw .invalidArgument("At least one dimension or metric is required.") }
        for name in metrics where GA4FieldCatalog.metricsByName[name] == nil { throw .unknownMetric(name) }
        guard metrics.count <= GA4FieldCatalog.maxMetrics else {
            throw .invalidArgument("Requests are limited to 10 metrics within a nested request.")
        }
        guard Set(metrics).count == metrics.count else { throw .invalidArgument("Metrics in a request must be unique.") }

        let limit = try Self.int64(object["limit"], field: "limit") ?? Int64(Self.defaultLimit)
        guard limit > 0 else { throw .invalidArgument("limit must be positive.") }
        guard limit <= Int64(Self.maxLimit) else {
            throw .invalidArgument("limit is \(limit) but must be less than or equal to 250000.")
        }
        self.limit = Int(limit)
        let offset = try Self.int64(object["offset"], field: "offset") ?? 0
        guard offset >= 0 else { throw .invalidArgument("offset must be non-negative.") }
        self.offset = Int(clamping: offset)
        keepEmptyRows = (object["keepEmptyRows"] as? Bool) ?? false
        returnPropertyQuota = (object["returnPropertyQuota"] as? Bool) ?? false

        var orderBys: [OrderBy] = []
        for order in (object["orderBys"] as? [[String: Any]]) ?? [] {
            let descending = (order["desc"] as? Bool) ?? false
            if let metric = (order["metric"] as? [String: Any])?["metricName"] as? String {
                guard metrics.contains(metric) else { throw .invalidArgument("The orderBy metric \(metric) is not in the request's metrics.") }
                orderBys.append(OrderBy(name: metric, isMetric: true, descending: descending))
            } else if let dimension = (order["dimension"] as? [String: Any])?["dimensionName"] as? String {
                guard dimensions.contains(dimension) else {
                    throw .invalidArgument("The orderBy dimension \(dimension) is not in the request's dimensions.")
                }
                orderBys.append(OrderBy(name: dimension, isMetric: false, descending: descending))
            } else {
                throw .invalidArgument("An orderBy needs a metric or a dimension.")
            }
        }
        self.orderBys = orderBys
    }

    /// `YYYY-MM-DD`, `today`, `yesterday` or `NdaysAgo`.
    static func date(_ text: String, today: BusinessDate) -> BusinessDate? {
        switch text {
        case "today": return today
        case "yesterday": return today.adding(days: -1)
        default:
            if text.hasSuffix("daysAgo"), let days = Int(text.dropLast("daysAgo".count)), days >= 0 {
                return today.adding(days: -days)
            }
            let parts = text.split(separator: "-")
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { return nil }
            return BusinessDate(text)
        }
    }

    /// An int64 field: proto3 JSON writes it as a string; a number is accepted too.
    static func int64(_ value: Any?, field: String) throws(GA4Error) -> Int64? {
        switch value {
        case nil, is NSNull: return nil
        case let text as String:
            guard let number = Int64(text) else { throw .invalidArgument("Invalid value at '\(field)' (TYPE_INT64), \"\(text)\"") }
            return number
        case let number as NSNumber:
            let double = number.doubleValue
            guard double == double.rounded(), abs(double) < 9.2e18 else {
                throw .invalidArgument("Invalid value at '\(field)' (TYPE_INT64), \(number)")
            }
            return number.int64Value
        default:
            throw .invalidArgument("Invalid value at '\(field)' (TYPE_INT64)")
        }
    }
}
