import Crypto
import Foundation
import OmnidashCore

extension FacebookAds {
    /// Pure request builders for the Graph API.
    public enum Requests {
        /// `GET /{version}/act_{id}/insights` for ad-level daily rows of `since…until` (inclusive), after `cursor`.
        public static func insights(baseURL: String, version: String, accountID: String, since: BusinessDate, until: BusinessDate,
                                    after cursor: String?, limit: Int = FacebookAds.pageSize,
                                    accessToken: String, appSecret: String?) -> HTTPRequestValue {
            var items: [(String, String)] = [
                ("level", "ad"),
                ("time_increment", "1"),
                ("time_range", #"{"since":"\#(since)","until":"\#(until)"}"#),
                ("fields", FacebookAds.insightFields.joined(separator: ",")),
                ("limit", String(limit)),
            ]
            if let cursor, !cursor.isEmpty { items.append(("after", cursor)) }
            items += authentication(accessToken: accessToken, appSecret: appSecret)
            let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            return HTTPRequestValue(method: .get,
                                    url: "\(base)/\(version)/act_\(FacebookAds.bareAccountID(accountID))/insights?\(QueryString.encode(items))",
                                    headers: ["accept": "application/json"])
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
