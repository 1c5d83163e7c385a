import OmnidashCore

/// One row of a Google Ads report before it is rendered: the objects it is about (a customer, campaign, ad group, ad,
/// keyword or asset group; a client of the manager for `customer_client`), its day when segmented by date, and its metrics when the
/// query asked for any.
struct GoogleAdsReportRow: Sendable {
    let customer: SandboxAdAccount?
    /// The customer id the row is read under (the path's), which is the manager's for `customer_client`.
    let customerID: String
    var campaign: SandboxCampaign?
    var adGroup: SandboxAdSet?
    var keyword: SandboxKeyword?
    var ad: SandboxAd?
    /// An asset group of a Performance Max campaign: the world's ad set of a campaign without ad groups.
    var assetGroup: SandboxAdSet?
    var client: SandboxAdAccount?
    var date: BusinessDate?
    var metrics: Metrics?

    /// Delivery in the account currency's minor units (satang or cents); conversions are whole in the world.
    struct Metrics: Sendable {
        var impressions: Int64 = 0
        var clicks: Int64 = 0
        var costMinor: Int64 = 0
        var conversions: Int64 = 0
        var conversionValueMinor: Int64 = 0

        static func + (lhs: Metrics, rhs: Metrics) -> Metrics {
            Metrics(impressions: lhs.impressions + rhs.impressions, clicks: lhs.clicks + rhs.clicks,
                    costMinor: lhs.costMinor + rhs.costMinor, conversions: lhs.conversions + rhs.conversions,
                    conversionValueMinor: lhs.conversionValueMinor + rhs.conversionValueMinor)
        }

        var isZero: Bool { impressions == 0 && clicks == 0 && costMinor == 0 && conversions == 0 && conversionValueMinor == 0 }

        /// The ad group's delivery split over its keywords by share (‰), each metric by largest remainder (earlier
        /// keyword on ties), so the keywords add up to the ad group exactly.
        func split(_ shares: [Int]) -> [Metrics] {
            func parts(_ total: Int64) -> [Int64] {
                var values = shares.map { total * Int64($0) / 1_000 }
                var left = total - values.reduce(0, +)
                let order = shares.indices.sorted { (total * Int64(shares[$0]) % 1_000, -$0) > (total * Int64(shares[$1]) % 1_000, -$1) }
                for index in order where left > 0 {
                    values[index] += 1
                    left -= 1
                }
                return values
            }
            let columns = [impressions, clicks, costMinor, conversions, conversionValueMinor].map(parts)
            return shares.indices.map { i in
                Metrics(impressions: columns[0][i], clicks: columns[1][i], costMinor: columns[2][i], conversions: columns[3][i],
                        conversionValueMinor: columns[4][i])
            }
        }
    }
}

/// A field's value as the REST API writes it: int64 as a JSON string, double as a number, enums by name.
enum GoogleAdsFieldValue: Sendable, Equatable {
    case int64(Int64)
    case double(String)
    case string(String)
    case enumName(String)
    case bool(Bool)
    /// A repeated string field (`final_urls`).
    case strings([String])

    /// The value as GAQL compares it.
    var text: String {
        switch self {
        case .int64(let value): String(value)
        case .double(let text), .string(let text), .enumName(let text): text
        case .bool(let value): value ? "TRUE" : "FALSE"
        case .strings(let values): values.joined(separator: ",")
        }
    }

    var json: JSONValue {
        switch self {
        case .int64(let value): .string(String(value))
        case .double(let text): .number(text)
        case .string(let text), .enumName(let text): .string(text)
        case .bool(let value): .bool(value)
        case .strings(let values): .array(values.map(JSONValue.string))
        }
    }

    /// Proto3's JSON mapping leaves out fields at their default (zero, false, empty).
    var isDefault: Bool {
        switch self {
        case .int64(let value): value == 0
        case .double(let text): Double(text) == 0
        case .string(let text): text.isEmpty
        case .enumName: false
        case .bool(let value): !value
        case .strings(let values): values.isEmpty
        }
    }

    /// `12` → `12.0`, `1234.5`: a double with at least one decimal, as the proto JSON printers write whole doubles.
    static func double(minor: Int64) -> GoogleAdsFieldValue {
        let text = AmountText.jsonNumber(minor: minor)
        return .double(text.contains(".") ? text : text + ".0")
    }
}
