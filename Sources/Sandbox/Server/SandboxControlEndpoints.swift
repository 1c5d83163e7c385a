import Foundation
import Hummingbird
import OmnidashCore

/// The Sandbox's own endpoints under `/_sandbox/`: health, credentials, ground truth (per day and shop, per campaign,
/// per master SKU, per website channel and per campaign's website visits), the SKU map (JSON, and the CSV a seller keeps) and FX rates.
///
/// They are not platform emulators: no auth and no faults, JSON with snake_case keys, amounts both as exact
/// decimal text and as integer minor units.
struct SandboxControlEndpoints: Sendable {
    let world: SandboxWorld
    let faults: SandboxFaults
    let credentials: Locked<SandboxCredentials?>

    static let pathPrefix = "/_sandbox/"
    /// Longest range the truth and FX endpoints serve in one call (ten years).
    static let maximumDays = 3_660

    func respond(path: String, query: QueryParameters) -> Response {
        switch path {
        case "/_sandbox/health": return health()
        case "/_sandbox/credentials":
            guard let credentials = credentials.withLock({ $0 }) else { return failure(.serviceUnavailable, "starting") }
            return HTTPReply.json(.ok, encoding: credentials)
        case "/_sandbox/truth": return truth(query)
        case "/_sandbox/campaign-truth": return campaignTruth(query)
        case "/_sandbox/sku-map": return HTTPReply.json(.ok, encoding: world.skuMap)
        case "/_sandbox/sku-map.csv": return skuMapCSV()
        case "/_sandbox/truth/products": return productTruth(query)
        case "/_sandbox/truth/fees": return feeTruth(query)
        case "/_sandbox/truth/website": return websiteTruth(query)
        case "/_sandbox/truth/attribution": return attributionTruth(query)
        case "/_sandbox/fx": return fx(query)
        default: return failure(.notFound, "unknown Sandbox endpoint \(path)")
        }
    }

    private func health() -> Response {
        HTTPReply.json(.ok, .object([
            ("status", "ok"),
            ("seed", .string(String(world.seed))),
            ("as_of", .string(world.asOf.description)),
            ("time_zone", .string(world.calendar.timeZone.identifier)),
            ("faults", .string(faults.description)),
        ]))
    }

    /// `{"days":[{"date","revenue","revenue_minor","orders","units","spend","spend_minor","clicks","impressions","conversions",
    /// "platforms":[{"platform","shop_id" or "account_id", the same figures, and for a shop "refunded_orders","refund",
    /// "refund_minor"}]}]}`
    private func truth(_ query: QueryParameters) -> Response {
        let range: (BusinessDate, BusinessDate)
        do { range = try dateRange(query) } catch { return error.response }
        let slices = Dictionary(grouping: world.platformTruth(from: range.0, to: range.1), by: \.date)
        func figures(revenue: Int64, orders: Int64, units: Int64, spend: Int64, clicks: Int64, impressions: Int64,
                     conversions: Int64) -> [(String, JSONValue)] {
            [
                ("revenue", .string(AmountText.twoDecimals(minor: revenue))), ("revenue_minor", .int(revenue)),
                ("orders", .int(orders)), ("units", .int(units)),
                ("spend", .string(AmountText.twoDecimals(minor: spend))), ("spend_minor", .int(spend)),
                ("clicks", .int(clicks)), ("impressions", .int(impressions)), ("conversions", .int(conversions)),
            ]
        }
        let days: [JSONValue] = world.truth(from: range.0, to: range.1).map { day in
            let platforms: [JSONValue] = (slices[day.date] ?? []).map { slice in
                let isShop = slice.platform.kind != .advertising
                // A shop's day also says what was cancelled or refunded, as mart_shop_performance counts refunds.
                let refunds: [(String, JSONValue)] = isShop
                    ? [("refunded_orders", .int(slice.refundedOrders)), ("refund", .string(AmountText.twoDecimals(minor: slice.refundMinor))),
                       ("refund_minor", .int(slice.refundMinor))] : []
                return .object([("platform", .string(slice.platform.rawValue)), (isShop ? "shop_id" : "account_id", .string(slice.accountID))]
                    + figures(revenue: slice.revenueMinor, orders: slice.orders, units: slice.units, spend: slice.spendMinor,
                              clicks: slice.clicks, impressions: slice.impressions, conversions: slice.conversions) + refunds)
            }
            return .object([("date", .string(day.date.description))]
                + figures(revenue: day.revenueMinor, orders: day.orders, units: day.units, spend: day.spendMinor, clicks: day.clicks,
                          impressions: day.impressions, conversions: day.conversions)
                + [("platforms", .array(platforms))])
        }
        return HTTPReply.json(.ok, .object([("days", .array(days))]))
    }

    private func campaignTruth(_ query: QueryParameters) -> Response {
        let range: (BusinessDate, BusinessDate)
        do { range = try dateRange(query) } catch { return error.response }
        let rows: [JSONValue] = world.campaignTruth(from: range.0, to: range.1).map { row in
            .object([
                ("date", .string(row.date.description)),
                ("platform", .string(row.platform.rawValue)),
                ("account_id", .string(row.accountID)),
                ("campaign_id", .string(row.campaignID)),
                ("campaign_name", .string(row.campaignName)),
                ("spend", .string(AmountText.twoDecimals(minor: row.spendMinor))),
                ("spend_minor", .int(row.spendMinor)),
                ("clicks", .int(row.clicks)),
                ("impressions", .int(row.impressions)),
                ("conversions", .int(row.conversions)),
                ("conversion_value", .string(AmountText.twoDecimals(minor: row.conversionValueMinor))),
                ("conversion_value_minor", .int(row.conversionValueMinor)),
            ])
        }
        return HTTPReply.json(.ok, .object([("campaigns", .array(rows))]))
    }

    /// `{"website":[{"date","channel_group","sessions","users","new_users","engaged_sessions","pageviews","transactions",
    /// "revenue","revenue_minor"}]}`: what GA4 recorded per day and default channel group (users distinct in the row).
    private func websiteTruth(_ query: QueryParameters) -> Response {
        let range: (BusinessDate, BusinessDate)
        do { range = try dateRange(query) } catch { return error.response }
        let rows: [JSONValue] = world.websiteTruth(from: range.0, to: range.1).map { row in
            .object([
                ("date", .string(row.date.description)), ("channel_group", .string(row.channelGroup)),
                ("sessions", .int(row.sessions)), ("users", .int(row.users)), ("new_users", .int(row.newUsers)),
                ("engaged_sessions", .int(row.engagedSessions)), ("pageviews", .int(row.pageviews)),
                ("transactions", .int(row.transactions)),
                ("revenue", .string(AmountText.twoDecimals(minor: row.revenueMinor))), ("revenue_minor", .int(row.revenueMinor)),
            ])
        }
        return HTTPReply.json(.ok, .object([("website", .array(rows))]))
    }

    /// `{"attribution":[{"date","platform","account_id","campaign_id","sessions","users","transactions","revenue",
    /// "revenue_minor","ecom_orders","ecom_revenue","ecom_revenue_minor"}]}`: per day and ad campaign, the GA4 sessions
    /// credited to it and the marketplace orders its visitors placed.
    private func attributionTruth(_ query: QueryParameters) -> Response {
        let range: (BusinessDate, BusinessDate)
        do { range = try dateRange(query) } catch { return error.response }
        let rows: [JSONValue] = world.attributionTruth(from: range.0, to: range.1).map { row in
            .object([
                ("date", .string(row.date.description)), ("platform", .string(row.platform.rawValue)),
                ("account_id", .string(row.accountID)), ("campaign_id", .string(row.campaignID)),
                ("sessions", .int(row.sessions)), ("users", .int(row.users)), ("transactions", .int(row.transactions)),
                ("revenue", .string(AmountText.twoDecimals(minor: row.revenueMinor))), ("revenue_minor", .int(row.revenueMinor)),
                ("ecom_orders", .int(row.ecomOrders)),
                ("ecom_revenue", .string(AmountText.twoDecimals(minor: row.ecomRevenueMinor))),
                ("ecom_revenue_minor", .int(row.ecomRevenueMinor)),
            ])
        }
        return HTTPReply.json(.ok, .object([("attribution", .array(rows))]))
    }

    /// The world's SKU map as the CSV `omnidash import sku-map` reads.
    private func skuMapCSV() -> Response {
        guard let csv = try? world.skuMapCSV() else { return failure(.internalServerError, "the SKU map could not be written") }
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: csv)))
    }

    /// `{"products":[{"date","sku_master","units","revenue","revenue_minor","cost","cost_minor","fees","fees_minor",
    /// "unsettled_revenue_minor","platforms":[{"platform","units","revenue","revenue_minor"}]}]}`, one entry per master SKU that sold that day.
    private func productTruth(_ query: QueryParameters) -> Response {
        let range: (BusinessDate, BusinessDate)
        do { range = try dateRange(query) } catch { return error.response }
        let rows: [JSONValue] = world.productTruth(from: range.0, to: range.1).map { row in
            let platforms: [JSONValue] = row.unitsByPlatform.keys.sorted { $0.rawValue < $1.rawValue }.map { platform in
                let revenue = row.revenueMinorByPlatform[platform] ?? 0
                return .object([("platform", .string(platform.rawValue)), ("units", .int(row.unitsByPlatform[platform] ?? 0)),
                                ("revenue", .string(AmountText.twoDecimals(minor: revenue))), ("revenue_minor", .int(revenue))])
            }
            return .object([
                ("date", .string(row.date.description)), ("sku_master", .string(row.skuMaster)), ("units", .int(row.units)),
                ("revenue", .string(AmountText.twoDecimals(minor: row.revenueMinor))), ("revenue_minor", .int(row.revenueMinor)),
                ("cost", .string(AmountText.twoDecimals(minor: row.costMinor))), ("cost_minor", .int(row.costMinor)),
                ("fees", .string(AmountText.twoDecimals(minor: row.feesMinor))), ("fees_minor", .int(row.feesMinor)),
                ("unsettled_revenue_minor", .int(row.unsettledRevenueMinor)),
                ("platforms", .array(platforms)),
            ])
        }
        return HTTPReply.json(.ok, .object([("products", .array(rows))]))
    }

    /// Settlement fees per (business date, marketplace shop), the date being the orders' creation day:
    /// `{"days":[{"date","platforms":[{"platform","shop_id","settled_orders","unsettled_orders","items_total",
    /// "items_total_minor","fees_total","fees_total_minor","settlement","settlement_minor","fees":{"commission",
    /// "commission_minor","transaction","transaction_minor","service","service_minor","shipping_subsidy",
    /// "shipping_subsidy_minor","seller_voucher","seller_voucher_minor","platform_voucher","platform_voucher_minor",
    /// "affiliate","affiliate_minor","other","other_minor"}}]}]}`. Fees are what the platform withheld (positive
    /// = the seller paid), from settled orders only; `settlement = items_total − fees_total`.
    private func feeTruth(_ query: QueryParameters) -> Response {
        let range: (BusinessDate, BusinessDate)
        do { range = try dateRange(query) } catch { return error.response }
        let rows = Dictionary(grouping: world.feeTruth(from: range.0, to: range.1), by: \.date)
        func money(_ name: String, _ minor: Int64) -> [(String, JSONValue)] {
            [(name, .string(AmountText.twoDecimals(minor: minor))), (name + "_minor", .int(minor))]
        }
        let days: [JSONValue] = (range.0...range.1).map { day in
            let platforms: [JSONValue] = (rows[day] ?? []).map { row in
                let fees = FeeType.allCases.flatMap { money($0.key, row.fees[$0]) }
                return .object([
                    ("platform", .string(row.platform.rawValue)), ("shop_id", .string(row.shopID)),
                    ("settled_orders", .int(row.settledOrders)), ("unsettled_orders", .int(row.unsettledOrders)),
                ] + money("items_total", row.itemsTotalMinor) + money("fees_total", row.fees.totalMinor)
                    + money("settlement", row.settlementMinor) + [("fees", .object(fees))])
            }
            return .object([("date", .string(day.description)), ("platforms", .array(platforms))])
        }
        return HTTPReply.json(.ok, .object([("days", .array(days))]))
    }

    /// `{"base":"THB","rates":[{"date","currency":"USD","rate":"35.1234"}]}` for the days of the range before `asOf`.
    private func fx(_ query: QueryParameters) -> Response {
        let range: (BusinessDate, BusinessDate)
        do { range = try dateRange(query) } catch { return error.response }
        var rates: [JSONValue] = []
        let last = min(range.1, world.asOf.adding(days: -1))
        if range.0 <= last {
            for day in range.0...last {
                for currency in FXRateSeries.currencies {
                    rates.append(.object([
                        ("date", .string(day.description)),
                        ("currency", .string(currency)),
                        ("rate", .string(AmountText.rate(tenThousandths: world.fx.usdTenThousandths(on: day)))),
                    ]))
                }
            }
        }
        return HTTPReply.json(.ok, .object([("base", "THB"), ("rates", .array(rates))]))
    }

    private func dateRange(_ query: QueryParameters) throws(ResponseError) -> (BusinessDate, BusinessDate) {
        guard let fromText = query["from"], let from = BusinessDate(fromText) else {
            throw ResponseError(failure(.badRequest, "from must be a YYYY-MM-DD date"))
        }
        guard let toText = query["to"], let to = BusinessDate(toText) else {
            throw ResponseError(failure(.badRequest, "to must be a YYYY-MM-DD date"))
        }
        guard from <= to, from.distance(to: to) < SandboxControlEndpoints.maximumDays else {
            throw ResponseError(failure(
                .badRequest, "from must not be after to, and the range must be at most \(SandboxControlEndpoints.maximumDays) days"))
        }
        return (from, to)
    }

    private func failure(_ status: HTTPResponse.Status, _ message: String) -> Response {
        HTTPReply.json(status, .object([("error", .string(message))]))
    }

    /// A ready-made error response, thrown by the parameter checks.
    struct ResponseError: Error {
        let response: Response
        init(_ response: Response) { self.response = response }
    }
}
