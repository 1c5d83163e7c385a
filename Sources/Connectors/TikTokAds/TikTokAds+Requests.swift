import OmnidashCore

extension TikTokAds {
    /// Pure request builders. Every request is a GET carrying the token in the `Access-Token` header; list parameters
    /// are JSON array text, as TikTok's documentation writes them.
    public enum Requests {
        /// `report/integrated/get/` at ad level for the advertiser's days `start…end` (inclusive), one page.
        public static func report(baseURL: String, accessToken: String, advertiserID: String, grain: Grain,
                                  start: BusinessDate, end: BusinessDate, page: Int, pageSize: Int = TikTokAds.pageSize) -> HTTPRequestValue {
            let metrics = grain == .day ? TikTokAds.reportMetrics : TikTokAds.hourlyMetrics
            return get(baseURL, "/report/integrated/get/", accessToken: accessToken, [
                ("advertiser_id", advertiserID),
                ("report_type", "BASIC"),
                ("service_type", "AUCTION"),
                ("data_level", "AUCTION_AD"),
                ("dimensions", jsonArray(["ad_id", grain.dimension])),
                ("metrics", jsonArray(metrics)),
                ("start_date", start.description),
                ("end_date", end.description),
                ("page", String(page)),
                ("page_size", String(pageSize)),
            ])
        }

        /// `advertiser/info/` for one advertiser.
        public static func advertiserInfo(baseURL: String, accessToken: String, advertiserID: String) -> HTTPRequestValue {
            get(baseURL, "/advertiser/info/", accessToken: accessToken, [
                ("advertiser_ids", jsonArray([advertiserID])), ("fields", jsonArray(TikTokAds.advertiserFields)),
            ])
        }

        /// `campaign/get/`, `adgroup/get/` or `ad/get/`: one page of the advertiser's objects.
        public static func entities(_ path: String, baseURL: String, accessToken: String, advertiserID: String, page: Int,
                                    pageSize: Int = TikTokAds.pageSize) -> HTTPRequestValue {
            get(baseURL, path, accessToken: accessToken, [
                ("advertiser_id", advertiserID), ("page", String(page)), ("page_size", String(pageSize)),
            ])
        }

        static func get(_ baseURL: String, _ path: String, accessToken: String, _ items: [(String, String)]) -> HTTPRequestValue {
            let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            return HTTPRequestValue(method: .get, url: "\(base)\(TikTokAds.apiPath)\(path)?\(QueryString.encode(items))",
                                    headers: ["Access-Token": accessToken, "accept": "application/json"])
        }

        /// `["a","b"]`: the names are plain identifiers, so no escaping is needed beyond quoting.
        static func jsonArray(_ items: [String]) -> String {
            "[" + items.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        }
    }
}
