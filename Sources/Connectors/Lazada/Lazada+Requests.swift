import Foundation
import OmnidashCore

extension Lazada {
    /// One API call: its path and business parameters, before the system parameters and the signature.
    public struct Call: Sendable {
        public var path: String
        public var parameters: [(String, String)]
        /// Token calls go to the auth gateway and carry no access token.
        public var isTokenCall: Bool

        /// The signed GET request. Empty parameters are never sent: Lazada's own implementations disagree on whether
        /// they are signed (ecommerce-apis.md §2.2).
        public func request(baseURL: String, appKey: String, appSecret: String, timestampMilliseconds: Int64,
                            accessToken: String?) -> HTTPRequestValue {
            var items = parameters.filter { !$0.1.isEmpty }
            items += [("app_key", appKey), ("timestamp", String(timestampMilliseconds)), ("sign_method", "sha256")]
            if let accessToken { items.append(("access_token", accessToken)) }
            items.append(("sign", Lazada.signature(path: path, parameters: items, appSecret: appSecret)))
            return HTTPRequestValue(method: .get, url: baseURL + path + "?" + QueryString.encode(items))
        }
    }

    public enum Requests {
        public static func refreshToken(_ refreshToken: String) -> Call {
            Call(path: "/auth/token/refresh", parameters: [("refresh_token", refreshToken)], isTokenCall: true)
        }

        /// Orders whose creation (`created_*`) or last update (`update_*`) lies in `[from, to]`, oldest first.
        public static func orders(byUpdate: Bool, from: String, to: String, offset: Int, limit: Int = Lazada.orderPageSize) -> Call {
            let prefix = byUpdate ? "update" : "created"
            return Call(path: "/orders/get", parameters: [
                ("\(prefix)_after", from), ("\(prefix)_before", to), ("status", "all"),
                ("sort_by", byUpdate ? "updated_at" : "created_at"), ("sort_direction", "ASC"),
                ("offset", String(offset)), ("limit", String(limit)),
            ], isTokenCall: false)
        }

        /// The items of up to 50 orders.
        public static func orderItems(_ orderIDs: [String]) -> Call {
            Call(path: "/orders/items/get", parameters: [("order_ids", "[" + orderIDs.joined(separator: ",") + "]")], isTokenCall: false)
        }

        /// The seller's transaction lines dated `from` through `through`, both inclusive (`yyyy-MM-dd`), of every type.
        public static func transactions(from: BusinessDate, through: BusinessDate, offset: Int,
                                        limit: Int = Lazada.transactionPageSize) -> Call {
            Call(path: "/finance/transaction/details/get", parameters: [
                ("start_time", from.description), ("end_time", through.description), ("offset", String(offset)), ("limit", String(limit)),
            ], isTokenCall: false)
        }

        public static func products(offset: Int, limit: Int = Lazada.productPageSize) -> Call {
            Call(path: "/products/get", parameters: [("filter", "all"), ("offset", String(offset)), ("limit", String(limit))],
                 isTokenCall: false)
        }

        public static func seller() -> Call {
            Call(path: "/seller/get", parameters: [], isTokenCall: false)
        }
    }
}
