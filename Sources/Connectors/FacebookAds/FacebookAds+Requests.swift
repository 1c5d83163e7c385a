import Crypto
import Foundation
import OmnidashCore

extension FacebookAds {
    /// Pure request builders for the Graph API.
    public enum Requests {
        /// `GET /{version}/act_{id}/insights` for ad-level daily rows of `since…until` (inclusive), after `cursor`.
        public static func insights(baseURL: String, version: String, accountID: String, since: BusinessDate, until: BusinessDate,
                                    breakdowns: [String] = [], after cursor: String?, limit: Int = FacebookAds.pageSize,
                                    accessToken: String, appSecret: String?) -> HTTPRequestValue {
            var items = reportParameters(since: since, until: until, breakdowns: breakdowns) + [("limit", String(limit))]
            if let cursor, !cursor.isEmpty { items.append(("after", cursor)) }
            items += authentication(accessToken: accessToken, appSecret: appSecret)
            return get(baseURL, "/\(version)/act_\(FacebookAds.bareAccountID(accountID))/insights", items)
        }

        /// `POST /{version}/act_{id}/insights` with the synchronous call's parameters as a form: starts an asynchronous
        /// job and answers `{"report_run_id":"…"}` (SDK adaccount.py `get_insights_async`).
        public static func startReportRun(baseURL: String, version: String, accountID: String, since: BusinessDate, until: BusinessDate,
                                          breakdowns: [String] = [], accessToken: String, appSecret: String?) -> HTTPRequestValue {
            let items = reportParameters(since: since, until: until, breakdowns: breakdowns)
                + authentication(accessToken: accessToken, appSecret: appSecret)
            return HTTPRequestValue(method: .post, url: root(baseURL) + "/\(version)/act_\(FacebookAds.bareAccountID(accountID))/insights",
                                    headers: ["accept": "application/json", "content-type": "application/x-www-form-urlencoded"],
                                    body: Data(QueryString.encode(items).utf8))
        }

        /// `GET /{version}/{report_run_id}`: the job's status and progress.
        public static func reportRunStatus(baseURL: String, version: String, reportRunID: String, accessToken: String,
                                           appSecret: String?) -> HTTPRequestValue {
            let items = [("fields", "id,async_status,async_percent_completion,error_code,error_message")]
                + authentication(accessToken: accessToken, appSecret: appSecret)
            return get(baseURL, "/\(version)/\(reportRunID)", items)
        }

        /// `GET /{version}/{report_run_id}/insights`: a page of a completed job's rows, shaped as the synchronous call's.
        public static func reportRunInsights(baseURL: String, version: String, reportRunID: String, after cursor: String?,
                                             limit: Int = FacebookAds.pageSize, accessToken: String, appSecret: String?) -> HTTPRequestValue {
            var items = [("limit", String(limit))]
            if let cursor, !cursor.isEmpty { items.append(("after", cursor)) }
            items += authentication(accessToken: accessToken, appSecret: appSecret)
            return get(baseURL, "/\(version)/\(reportRunID)/insights", items)
        }

        /// `GET /{version}/act_{id}/{edge}` (`campaigns`, `adsets`, `ads`) with the fields Omnidash reads, every status
        /// included (Meta leaves out archived objects unless they are filtered in).
        public static func entities(baseURL: String, version: String, accountID: String, edge: String, after cursor: String?,
                                    limit: Int = FacebookAds.pageSize, accessToken: String, appSecret: String?) -> HTTPRequestValue {
            var items: [(String, String)] = [
                ("fields", (FacebookAds.entityFields[edge] ?? ["id"]).joined(separator: ",")),
                ("effective_status", #"["ACTIVE","PAUSED","CAMPAIGN_PAUSED","ADSET_PAUSED","ARCHIVED","IN_PROCESS","WITH_ISSUES"]"#),
                ("limit", String(limit)),
            ]
            if let cursor, !cursor.isEmpty { items.append(("after", cursor)) }
            items += authentication(accessToken: accessToken, appSecret: appSecret)
            return get(baseURL, "/\(version)/act_\(FacebookAds.bareAccountID(accountID))/\(edge)", items)
        }

        /// `GET /{version}/act_{id}?fields=currency`: the account currency its budgets are written in.
        public static func account(baseURL: String, version: String, accountID: String, accessToken: String,
                                   appSecret: String?) -> HTTPRequestValue {
            let items = [("fields", "account_id,currency,timezone_name")] + authentication(accessToken: accessToken, appSecret: appSecret)
            return get(baseURL, "/\(version)/act_\(FacebookAds.bareAccountID(accountID))", items)
        }

        /// Ad-level daily rows of `since…until` (inclusive), broken down by `breakdowns` when given.
        static func reportParameters(since: BusinessDate, until: BusinessDate, breakdowns: [String]) -> [(String, String)] {
            var items: [(String, String)] = [
                ("level", "ad"),
                ("time_increment", "1"),
                ("time_range", #"{"since":"\#(since)","until":"\#(until)"}"#),
                ("fields", FacebookAds.insightFields.joined(separator: ",")),
            ]
            if !breakdowns.isEmpty { items.append(("breakdowns", breakdowns.joined(separator: ","))) }
            return items
        }

        private static func root(_ baseURL: String) -> String {
            baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        }

        private static func get(_ baseURL: String, _ path: String, _ items: [(String, String)]) -> HTTPRequestValue {
            HTTPRequestValue(method: .get, url: root(baseURL) + path + "?" + QueryString.encode(items), headers: ["accept": "application/json"])
        }

        /// `access_token`, plus `appsecret_proof` = lowercase hex HMAC-SHA256(app secret, access token) when an
        /// app secret is configured (the SDK's rule, ads-apis.md §1.1).
        static func authentication(accessToken: String, appSecret: String?) -> [(String, String)] {
            var items = [("access_token", accessToken)]
            if let appSecret, !appSecret.isEmpty {
                let proof = HMAC<SHA256>.authenticationCode(for: Data(accessToken.utf8), using: SymmetricKey(data: Data(appSecret.utf8)))
                items.append(("appsecret_proof", Hex.lowercase(proof)))
            }
            return items
        }
    }
}
