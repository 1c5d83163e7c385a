import Foundation
import OmnidashCore

/// Lazada Sponsored Solutions (Sponsored Discovery, `bizCode=sponsoredSearch`) on the seller's authorisation:
/// limits, request builders and the answer's own success flag (ecommerce-apis.md §2.3–2.4).
extension Lazada {
    /// `pageSize` (and `pageNo`) are at most 100.
    public static let sponsorPageSize = 100
    /// Store orders are attributed for days after the click, so every sync reads the last 7 days again.
    public static let adsLookbackDays: Int64 = 7
    /// Phase 1 of the API serves Sponsored Discovery only.
    public static let sponsoredDiscovery = "sponsoredSearch"

    /// The reports write amounts in the seller's currency without naming it; each country's gateway serves one
    /// currency. Any other host (the Sandbox, a proxy) is taken to be Thailand's, Omnidash's home market.
    public static func adsCurrency(baseURL: String) -> String {
        let host = URLComponents(string: baseURL)?.host ?? ""
        let byDomain: [(String, String)] = [
            (".co.th", "THB"), (".sg", "SGD"), (".com.my", "MYR"), (".vn", "VND"), (".com.ph", "PHP"), (".co.id", "IDR"),
        ]
        return byDomain.first { host.hasSuffix($0.0) }?.1 ?? "THB"
    }

    /// Sponsored Solutions answers pass the gateway with `code` `"0"` and carry their own `success`; a `"false"` there
    /// (at the top or inside `result`) is a refusal with its `errorCode` and `errorMsg`.
    static func sponsorRefusal(_ scanner: JSONScanner, endpoint: String) -> ConnectorError? {
        func text(_ path: [String]) -> String? {
            (try? scanner.value(at: path)).flatMap { $0 }.map { scanner.string($0) ?? scanner.text($0) }
        }
        for prefix in [[], ["result"]] where text(prefix + ["success"]) == "false" {
            let code = text(prefix + ["errorCode"]).flatMap { $0 == "null" ? nil : $0 }
            let message = text(prefix + ["errorMsg"]).flatMap { $0 == "null" ? nil : $0 } ?? "success is false"
            return ConnectorError(.rejected, platform: .lazada, endpoint: endpoint, code: code, message: message)
        }
        return nil
    }
}

extension Lazada.Requests {
    /// Every campaign's totals over one day (`startDate == endDate`): the report has no per-day breakdown.
    public static func discoveryReportCampaign(day: BusinessDate, pageNo: Int, pageSize: Int = Lazada.sponsorPageSize) -> Lazada.Call {
        Lazada.Call(path: "/sponsor/solutions/report/getDiscoveryReportCampaign", parameters: [
            ("startDate", day.description), ("endDate", day.description), ("pageNo", String(pageNo)), ("pageSize", String(pageSize)),
            ("useRtTable", "false"),
        ], isTokenCall: false)
    }

    /// The seller's Sponsored Discovery campaigns with their budgets, schedules and statuses.
    public static func searchCampaignList(from: BusinessDate, through: BusinessDate, pageNo: Int,
                                          pageSize: Int = Lazada.sponsorPageSize) -> Lazada.Call {
        Lazada.Call(path: "/sponsor/solutions/campaign/searchCampaignList", parameters: [
            ("bizCode", Lazada.sponsoredDiscovery), ("startDate", from.description), ("endDate", through.description),
            ("pageNo", String(pageNo)), ("pageSize", String(pageSize)),
        ], isTokenCall: false)
    }
}
