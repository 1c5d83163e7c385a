import Foundation
import OmnidashCore

extension Shopee {
    /// A Shopee call before signing: what to ask for, not how to authenticate it.
    public struct Call: Sendable, Hashable {
        public enum Signing: Sendable, Hashable { case publicAPI, shopAPI }

        public var method: HTTPRequestValue.Method
        public var path: String
        public var query: [(String, String)]
        public var body: Data?
        public var signing: Signing

        public static func == (lhs: Call, rhs: Call) -> Bool {
            lhs.method == rhs.method && lhs.path == rhs.path && lhs.body == rhs.body && lhs.signing == rhs.signing
                && lhs.query.map { "\($0.0)=\($0.1)" } == rhs.query.map { "\($0.0)=\($0.1)" }
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(path)
            hasher.combine(query.map { "\($0.0)=\($0.1)" })
        }

        /// The HTTP request, with the common parameters and the signature in the query string.
        public func request(baseURL: String, partnerID: Int64, partnerKey: String, timestamp: Int64,
                            accessToken: String?, shopID: Int64?) -> HTTPRequestValue {
            var items: [(String, String)] = [("partner_id", String(partnerID)), ("timestamp", String(timestamp))]
            let sign: String
            switch signing {
            case .publicAPI:
                sign = Shopee.signature(partnerKey: partnerKey, partnerID: partnerID, path: path, timestamp: timestamp)
            case .shopAPI:
                let token = accessToken ?? ""
                let shop = shopID ?? 0
                items += [("access_token", token), ("shop_id", String(shop))]
                sign = Shopee.signature(partnerKey: partnerKey, partnerID: partnerID, path: path, timestamp: timestamp,
                                        accessToken: token, shopID: shop)
            }
            items.append(("sign", sign))
            items += query
            let trimmedBase = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            var headers: [String: String] = ["accept": "application/json"]
            if body != nil { headers["content-type"] = "application/json" }
            return HTTPRequestValue(method: method, url: "\(trimmedBase)\(path)?\(QueryString.encode(items))",
                                    headers: headers, body: body)
        }
    }

    /// Pure request builders, one per endpoint the connector uses.
    public enum Requests {
        /// The order fields `get_order_detail` returns only when asked (ecommerce-apis.md §1.4).
        public static let orderDetailFields = [
            "buyer_user_id", "buyer_username", "estimated_shipping_fee", "recipient_address", "actual_shipping_fee",
            "goods_to_declare", "note", "note_update_time", "item_list", "pay_time", "dropshipper", "dropshipper_phone",
            "split_up", "buyer_cancel_reason", "cancel_by", "cancel_reason", "actual_shipping_fee_confirmed",
            "buyer_cpf_id", "fulfillment_flag", "pickup_done_time", "package_list", "shipping_carrier",
            "payment_method", "total_amount", "invoice_data", "order_chargeable_weight_gram", "return_request_due_date",
            "edt",
        ]

        public enum TimeField: String, Sendable, Codable { case createTime = "create_time", updateTime = "update_time" }

        public static func orderList(field: TimeField, from: Int64, to: Int64, cursor: String, pageSize: Int = Shopee.orderPageSize) -> Call {
            var query: [(String, String)] = [
                ("time_range_field", field.rawValue), ("time_from", String(from)), ("time_to", String(to)),
                ("page_size", String(pageSize)), ("response_optional_fields", "order_status"),
            ]
            if !cursor.isEmpty { query.append(("cursor", cursor)) }
            return Call(method: .get, path: "/api/v2/order/get_order_list", query: query, body: nil, signing: .shopAPI)
        }

        public static func orderDetail(orderSNs: [String]) -> Call {
            precondition((1...Shopee.detailBatchSize).contains(orderSNs.count), "get_order_detail takes 1…50 orders")
            return Call(method: .get, path: "/api/v2/order/get_order_detail",
                        query: [("order_sn_list", orderSNs.joined(separator: ",")),
                                ("response_optional_fields", orderDetailFields.joined(separator: ","))],
                        body: nil, signing: .shopAPI)
        }

        /// `v2.payment.get_escrow_list`: one page of the orders whose escrow was released in `[from, to]` (Unix
        /// seconds, both inclusive), oldest release first; `pageNo` counts from 1.
        public static func escrowList(releasedFrom from: Int64, to: Int64, pageNo: Int, pageSize: Int = 100) -> Call {
            Call(method: .get, path: "/api/v2/payment/get_escrow_list",
                 query: [("release_time_from", String(from)), ("release_time_to", String(to)),
                         ("page_size", String(pageSize)), ("page_no", String(pageNo))],
                 body: nil, signing: .shopAPI)
        }

        /// `v2.payment.get_escrow_detail_batch`: the escrow detail of up to 50 orders, asked for in a JSON body (the
        /// body is not signed).
        public static func escrowDetailBatch(orderSNs: [String]) -> Call {
            precondition((1...Shopee.detailBatchSize).contains(orderSNs.count), "get_escrow_detail_batch takes 1…50 orders")
            struct Body: Encodable {
                let order_sn_list: [String]
            }
            let body = try? JSONEncoder().encode(Body(order_sn_list: orderSNs))
            return Call(method: .post, path: "/api/v2/payment/get_escrow_detail_batch", query: [], body: body, signing: .shopAPI)
        }

        public static func itemList(offset: Int, pageSize: Int = 100) -> Call {
            Call(method: .get, path: "/api/v2/product/get_item_list",
                 query: [("offset", String(offset)), ("page_size", String(pageSize)),
                         ("item_status", "NORMAL"), ("item_status", "UNLIST")],
                 body: nil, signing: .shopAPI)
        }

        public static func itemBaseInfo(itemIDs: [Int64]) -> Call {
            precondition((1...Shopee.itemBatchSize).contains(itemIDs.count), "get_item_base_info takes 1…50 items")
            return Call(method: .get, path: "/api/v2/product/get_item_base_info",
                        query: [("item_id_list", itemIDs.map(String.init).joined(separator: ","))],
                        body: nil, signing: .shopAPI)
        }

        public static func shopInfo() -> Call {
            Call(method: .get, path: "/api/v2/shop/get_shop_info", query: [], body: nil, signing: .shopAPI)
        }

        /// Exchanges a refresh token (single use) for a new access token and a new refresh token.
        public static func refreshAccessToken(refreshToken: String, partnerID: Int64, shopID: Int64) -> Call {
            struct Body: Encodable {
                let refresh_token: String
                let partner_id: Int64
                let shop_id: Int64
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let body = try? encoder.encode(Body(refresh_token: refreshToken, partner_id: partnerID, shop_id: shopID))
            return Call(method: .post, path: "/api/v2/auth/access_token/get", query: [], body: body, signing: .publicAPI)
        }
    }
}
