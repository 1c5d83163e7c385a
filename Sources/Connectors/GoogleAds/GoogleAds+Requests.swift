import Foundation
import OmnidashCore

extension GoogleAds {
    /// Pure request builders for Google's token endpoint and the Google Ads REST API.
    public enum Requests {
        /// The refresh-token grant: `POST token_url`, form-encoded `grant_type=refresh_token`, `client_id`,
        /// `client_secret`, `refresh_token` (ads-apis.md §2).
        public static func refreshToken(tokenURL: String, clientID: String, clientSecret: String, refreshToken: String) -> HTTPRequestValue {
            let form = QueryString.encode([("grant_type", "refresh_token"), ("client_id", clientID), ("client_secret", clientSecret),
                                           ("refresh_token", refreshToken)])
            return HTTPRequestValue(method: .post, url: tokenURL,
                                    headers: ["content-type": "application/x-www-form-urlencoded", "accept": "application/json"],
                                    body: Data(form.utf8))
        }

        /// The headers every API call carries: the bearer token, the developer token and, when the customer is reached
        /// through a manager, `login-customer-id` (digits only).
        public static func headers(accessToken: String, developerToken: String, loginCustomerID: String?) -> [String: String] {
            var headers = ["authorization": "Bearer \(accessToken)", "developer-token": developerToken,
                           "content-type": "application/json", "accept": "application/json"]
            if let login = loginCustomerID.map(GoogleAdsSettings.digits), !login.isEmpty { headers["login-customer-id"] = login }
            return headers
        }

        /// `POST /{version}/customers/{id}/googleAds:searchStream` with `{"query": …}`.
        public static func searchStream(baseURL: String, version: String, customerID: String, query: String,
                                        headers: [String: String]) -> HTTPRequestValue {
            HTTPRequestValue(method: .post, url: "\(trimmed(baseURL))/\(version)/customers/\(customerID)/googleAds:searchStream",
                             headers: headers, body: body(["query": query]))
        }

        /// `POST /{version}/customers/{id}/googleAds:search` with `{"query": …, "pageToken": …}` (never `pageSize`).
        public static func search(baseURL: String, version: String, customerID: String, query: String, pageToken: String?,
                                  headers: [String: String]) -> HTTPRequestValue {
            var fields = ["query": query]
            if let pageToken, !pageToken.isEmpty { fields["pageToken"] = pageToken }
            return HTTPRequestValue(method: .post, url: "\(trimmed(baseURL))/\(version)/customers/\(customerID)/googleAds:search",
                                    headers: headers, body: body(fields))
        }

        /// `GET /{version}/customers:listAccessibleCustomers`.
        public static func listAccessibleCustomers(baseURL: String, version: String, headers: [String: String]) -> HTTPRequestValue {
            var headers = headers
            headers["login-customer-id"] = nil
            return HTTPRequestValue(method: .get, url: "\(trimmed(baseURL))/\(version)/customers:listAccessibleCustomers", headers: headers)
        }

        private static func body(_ fields: [String: String]) -> Data {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(fields)) ?? Data()
        }

        private static func trimmed(_ url: String) -> String { url.hasSuffix("/") ? String(url.dropLast()) : url }
    }
}
