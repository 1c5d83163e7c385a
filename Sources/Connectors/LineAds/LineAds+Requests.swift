import Foundation
import OmnidashCore

extension LineAds {
    /// Pure request builders; each is signed for `now`, so the runner builds it again for every attempt.
    public enum Requests {
        /// `GET /api/v3/adaccounts/{id}/reports/online/{level}` for one day (`since == until`), one page.
        public static func onlineReport(baseURL: String, accountID: String, level: Level, day: BusinessDate, page: Int,
                                        size: Int = LineAds.pageSize, accessKey: String, secretKey: String, now: Date) -> HTTPRequestValue {
            get(baseURL: baseURL, path: "/api/v3/adaccounts/\(accountID)/reports/online/\(level.rawValue)",
                query: [("since", day.description), ("until", day.description), ("page", String(page)), ("size", String(size))],
                accessKey: accessKey, secretKey: secretKey, now: now)
        }

        /// `GET /api/v3/adaccounts/{id}/campaigns`, `/adgroups` or `/ads`, one page.
        public static func entities(baseURL: String, accountID: String, level: Level, page: Int, size: Int = LineAds.pageSize,
                                    accessKey: String, secretKey: String, now: Date) -> HTTPRequestValue {
            get(baseURL: baseURL, path: "/api/v3/adaccounts/\(accountID)/\(entityPath(level))",
                query: [("page", String(page)), ("size", String(size))], accessKey: accessKey, secretKey: secretKey, now: now)
        }

        static func entityPath(_ level: Level) -> String {
            switch level {
            case .campaign: "campaigns"
            case .adgroup: "adgroups"
            case .ad: "ads"
            }
        }

        /// A signed GET: the query goes on the URL, never into the signed payload.
        static func get(baseURL: String, path: String, query: [(String, String)], accessKey: String, secretKey: String,
                        now: Date) -> HTTPRequestValue {
            let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            var headers = Signing.headers(accessKey: accessKey, secretKey: secretKey, body: nil, contentType: nil, path: path, now: now)
            headers["Accept"] = "application/json"
            return HTTPRequestValue(method: .get, url: "\(base)\(path)?\(QueryString.encode(query))", headers: headers)
        }
    }
}
