import Foundation
import OmnidashCore

extension GA4 {
    /// Pure request builders for Google's token endpoint and the Data API.
    public enum Requests {
        /// The refresh-token grant (ads-apis.md §2).
        public static func refreshToken(tokenURL: String, clientID: String, clientSecret: String, refreshToken: String) -> HTTPRequestValue {
            form(tokenURL, [("grant_type", "refresh_token"), ("client_id", clientID), ("client_secret", clientSecret),
                            ("refresh_token", refreshToken)])
        }

        /// The JWT-bearer grant (RFC 7523) with a signed assertion.
        public static func jwtBearer(tokenURL: String, assertion: String) -> HTTPRequestValue {
            form(tokenURL, [("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("assertion", assertion)])
        }

        private static func form(_ url: String, _ fields: [(String, String)]) -> HTTPRequestValue {
            HTTPRequestValue(method: .post, url: url,
                             headers: ["content-type": "application/x-www-form-urlencoded", "accept": "application/json"],
                             body: Data(QueryString.encode(fields).utf8))
        }

        /// A `RunReportRequest` for `first…last` (inclusive), ordered by its dimensions so pages never overlap. `limit`
        /// and `offset` are int64 and go as strings, as proto3 JSON writes them.
        static func reportBody(_ report: Report, first: BusinessDate, last: BusinessDate, offset: Int, limit: Int) -> [String: Any] {
            [
                "dateRanges": [["startDate": first.description, "endDate": last.description]],
                "dimensions": report.dimensions.map { ["name": $0] },
                "metrics": report.metrics.map { ["name": $0] },
                "orderBys": report.dimensions.map { ["dimension": ["dimensionName": $0], "desc": false] },
                "limit": String(limit),
                "offset": String(offset),
                "keepEmptyRows": false,
                "returnPropertyQuota": true,
            ]
        }

        /// `POST /v1beta/properties/{id}:runReport` with one request's JSON.
        static func runReport(baseURL: String, propertyID: String, body: Data, accessToken: String) -> HTTPRequestValue {
            post("\(trimmed(baseURL))/v1beta/properties/\(propertyID):runReport", body, accessToken)
        }

        /// `POST /v1beta/properties/{id}:batchRunReports` with `{"requests": [up to 5 requests]}`.
        static func batchRunReports(baseURL: String, propertyID: String, body: Data, accessToken: String) -> HTTPRequestValue {
            post("\(trimmed(baseURL))/v1beta/properties/\(propertyID):batchRunReports", body, accessToken)
        }

        /// A request body's JSON, keys sorted.
        static func json(_ object: [String: Any]) -> Data {
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        }

        private static func post(_ url: String, _ body: Data, _ accessToken: String) -> HTTPRequestValue {
            HTTPRequestValue(method: .post, url: url,
                             headers: ["authorization": "Bearer \(accessToken)", "content-type": "application/json",
                                       "accept": "application/json"],
                             body: body)
        }

        static func trimmed(_ url: String) -> String { url.hasSuffix("/") ? String(url.dropLast()) : url }
    }
}
