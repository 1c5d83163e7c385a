import Foundation

extension TikTokShop {
    /// One API call: its method, path, business query parameters and JSON body, before the common parameters and the
    /// signature.
    public struct Call: Sendable {
        public var method: HTTPRequestValue.Method
        public var path: String
        public var query: [(String, String)]
        /// The JSON body, signed byte for byte as it is sent.
        public var body: [UInt8]?
        /// Shop-scoped calls (orders, products, returns, finance) carry `shop_cipher`; `/authorization/*` must not.
        public var isShopScoped: Bool

        /// The signed request. The access token travels in `x-tts-access-token`, outside the signature.
        public func request(baseURL: String, appKey: String, appSecret: String, timestamp: Int64, accessToken: String,
                            shopCipher: String?) -> HTTPRequestValue {
            var items = query
            if isShopScoped, let shopCipher { items.append(("shop_cipher", shopCipher)) }
            items += [("app_key", appKey), ("timestamp", String(timestamp))]
            items.append(("sign", TikTokShop.signature(path: path, query: items, body: body, appSecret: appSecret)))
            var headers = ["x-tts-access-token": accessToken]
            if body != nil { headers["content-type"] = "application/json" }
            return HTTPRequestValue(method: method, url: baseURL + path + "?" + QueryString.encode(items), headers: headers,
                                    body: body.map { Data($0) })
        }
    }

    /// The token calls on the auth host: not signed, the app secret in the query (ecommerce-apis.md §3.1).
    public static func refreshTokenURL(authURL: String, appKey: String, appSecret: String, refreshToken: String) -> String {
        authURL + "/api/v2/token/refresh?" + QueryString.encode([
            ("app_key", appKey), ("app_secret", appSecret), ("refresh_token", refreshToken), ("grant_type", "refresh_token"),
        ])
    }

    public enum Requests {
        public static func authorizedShops() -> Call {
            Call(method: .get, path: "/authorization/202309/shops", query: [], body: nil, isShopScoped: false)
        }

        /// Orders created (or updated) in `[start, end)`, oldest first, a page at a time.
        public static func orders(byUpdate: Bool, start: Int64, end: Int64, pageToken: String?) -> Call {
            search("/order/202309/orders/search", byUpdate: byUpdate, start: start, end: end, pageToken: pageToken)
        }

        /// Returns and refunds created (or updated) in `[start, end)`, oldest first.
        public static func returns(byUpdate: Bool, start: Int64, end: Int64, pageToken: String?) -> Call {
            search("/return_refund/202309/returns/search", byUpdate: byUpdate, start: start, end: end, pageToken: pageToken)
        }

        /// Every product of the shop, whatever its status.
        public static func products(pageToken: String?) -> Call {
            var query = [("page_size", String(TikTokShop.pageSize))]
            if let pageToken, !pageToken.isEmpty { query.append(("page_token", pageToken)) }
            return Call(method: .post, path: "/product/202309/products/search", query: query, body: Array(#"{"status":"ALL"}"#.utf8),
                        isShopScoped: true)
        }

        /// The shop's daily statements with a `statement_time` in `[start, end)`, oldest first. A GET: the filters are
        /// query parameters, and `sort_field` is required.
        public static func statements(start: Int64, end: Int64, pageToken: String?) -> Call {
            var query = [("statement_time_ge", String(start)), ("statement_time_lt", String(end)), ("page_size", String(TikTokShop.pageSize)),
                         ("sort_field", "statement_time"), ("sort_order", "ASC")]
            if let pageToken, !pageToken.isEmpty { query.append(("page_token", pageToken)) }
            return Call(method: .get, path: "/finance/202309/statements", query: query, body: nil, isShopScoped: true)
        }

        /// The transactions of one statement, by their orders' creation time. `statementID` goes into the path, so
        /// the parser only lets through ids that need no escaping there.
        public static func statementTransactions(statementID: String, pageToken: String?) -> Call {
            var query = [("page_size", String(TikTokShop.pageSize)), ("sort_field", "order_create_time"), ("sort_order", "ASC")]
            if let pageToken, !pageToken.isEmpty { query.append(("page_token", pageToken)) }
            return Call(method: .get, path: "/finance/202309/statements/\(statementID)/statement_transactions", query: query, body: nil,
                        isShopScoped: true)
        }

        private static func search(_ path: String, byUpdate: Bool, start: Int64, end: Int64, pageToken: String?) -> Call {
            let field = byUpdate ? "update_time" : "create_time"
            var query = [("page_size", String(TikTokShop.pageSize)), ("sort_field", field), ("sort_order", "ASC")]
            if let pageToken, !pageToken.isEmpty { query.append(("page_token", pageToken)) }
            let body = #"{"\#(field)_ge":\#(start),"\#(field)_lt":\#(end)}"#
            return Call(method: .post, path: path, query: query, body: Array(body.utf8), isShopScoped: true)
        }
    }
}
