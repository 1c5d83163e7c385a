@testable import Connectors
import Foundation
import OmnidashCore
import Testing
import Warehouse

@Suite("TikTok Shop connector")
struct TikTokShopConnectorTests {
    let hasher = PIIHasher(secret: "test-pii-key-0123456789")

    @Test("the reference's three worked signatures")
    func workedSignatures() {
        #expect(TikTokShop.signature(path: "/authorization/202309/shops", query: [("app_key", "123456"), ("timestamp", "1234567890")],
                                     body: nil, appSecret: "abc000def111")
                == "c8767e4fd7a1b48a0ce3fd23197f058159ce11b53f1ae1ad6d1ec931a1da5540")
        let query = [("page_size", "50"), ("sort_field", "create_time"), ("sort_order", "ASC"), ("shop_cipher", "ROW_abc123"),
                     ("app_key", "38abcd"), ("timestamp", "1717261200")]
        #expect(TikTokShop.signature(path: "/order/202309/orders/search", query: query,
                                     body: Array(#"{"create_time_ge":1717174800,"create_time_lt":1717261200}"#.utf8), appSecret: "e59af819cc")
                == "baa0d94b6756d6afd0ec1d4598b4b448be4374e06f1cedb389c4a9f70bb95097")
        #expect(TikTokShop.signature(path: "/order/202309/orders", query: [
            ("ids", "576461413038785752,576461413038785753"), ("shop_cipher", "ROW_abc123"), ("app_key", "38abcd"), ("timestamp", "1717261200"),
        ], body: nil, appSecret: "e59af819cc") == "97838d5683ad9ec3b9b32fd9c61342dcb8703e6289bcec2cb4b5fec87c5eb1e6")
    }

    @Test("a search is a signed POST with its filters in the body and the token in a header, never in the query")
    func searchRequests() throws {
        let call = TikTokShop.Requests.orders(byUpdate: true, start: 1_717_174_800, end: 1_717_261_200, pageToken: "abc=")
        let request = call.request(baseURL: "https://open-api.tiktokglobalshop.com", appKey: "38abcd", appSecret: "e59af819cc",
                                   timestamp: 1_717_261_200, accessToken: "TTP_token", shopCipher: "ROW_abc123")
        let components = try #require(URLComponents(string: request.url))
        let items = (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }
        let query = Dictionary(uniqueKeysWithValues: items)
        #expect(request.method == .post)
        #expect(components.path == "/order/202309/orders/search")
        #expect(query["shop_cipher"] == "ROW_abc123" && query["page_token"] == "abc=" && query["sort_field"] == "update_time")
        #expect(query["access_token"] == nil)
        #expect(request.headers["x-tts-access-token"] == "TTP_token")
        #expect(String(decoding: try #require(request.body), as: UTF8.self) == #"{"update_time_ge":1717174800,"update_time_lt":1717261200}"#)
        #expect(query["sign"] == TikTokShop.signature(path: call.path, query: items, body: request.body.map { Array($0) }, appSecret: "e59af819cc"))

        let shops = TikTokShop.Requests.authorizedShops().request(
            baseURL: "https://open-api.tiktokglobalshop.com", appKey: "k", appSecret: "s", timestamp: 1, accessToken: "t", shopCipher: "ROW_abc123")
        #expect(!shops.url.contains("shop_cipher"), "sending the cipher to /authorization/* is an error")
    }

    @Test func theDocumentedOrderBecomesARawRowWithItsLineItemsAndNoPII() throws {
        let scanner = JSONScanner([UInt8](try Fixtures.data("TikTokShop", "tiktok_orders_search")))
        let list = try #require(try scanner.value(at: ["data", "orders"]))
        let order = try #require(try scanner.elements(of: list).first)
        let row = try #require(TikTokShopOrderParser(hasher: hasher).parse(scanner, order, shopID: "7494").row)
        #expect(row["shop_id"] == "7494")
        #expect(row["currency"] == "IDR")
        #expect(row["total_amount"] == "5000")
        #expect(try #require(row["items"].string).contains("2729382476852921560"), "the line items are kept as received")
        #expect(try #require(row["user_id"].string).hasPrefix("hmac:"))
        let raw = try #require(row["raw_json"].string)
        for clear in ["David Kong", "1199 Coleman Ave", "213-***-1234", "Unit one building 8", "TikTok 5800 bristol Pkwy", "\"95110\""] {
            #expect(!raw.contains(clear), "raw_json still contains \(clear)")
        }
        #expect(raw.contains("United Kingdom"), "the district list stays, for geography")
    }

    @Test("a malformed order is rejected with the field named, and the rest of its page loads", arguments: [
        (#""sale_price":"0.01""#, #""sale_price":"abc""#, "line_items[0].sale_price: expected an amount"),
        (#""create_time":"#, #""create_time":"soon","x":"#, "create_time: expected a number"),
        (#""currency":"IDR""#, #""currency":"RUPIAH""#, "payment.currency: missing or not a 3-letter code"),
    ])
    func malformedOrders(original: String, broken: String, reason: String) throws {
        let text = String(decoding: try Fixtures.data("TikTokShop", "tiktok_orders_search"), as: UTF8.self)
        let compact = String(decoding: try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Data(text.utf8))),
                             as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
        let scanner = JSONScanner(Array(compact.utf8))
        let list = try #require(try scanner.value(at: ["data", "orders"]))
        let order = try #require(try scanner.elements(of: list).first)
        let orderText = scanner.text(order)
        #expect(orderText.contains(original), "the fixture no longer holds \(original)")
        let damaged = orderText.replacingOccurrences(of: original, with: broken)
        let page = JSONScanner(Array("[\(orderText),\(damaged)]".utf8))
        let records = try page.elements(of: try page.root()).map { TikTokShopOrderParser(hasher: hasher).parse(page, $0, shopID: "1") }
        #expect(records[0].row != nil)
        guard case .reject(let reject) = records[1] else {
            Issue.record("\(broken) should be rejected")
            return
        }
        #expect(reject.reason.hasPrefix(reason), "\(reject.reason)")
        #expect(reject.recordKey != nil)
    }

    @Test("TikTok's codes map to what a sync should do", arguments: [
        ("tiktok_error_rate_limited", 429, "throttled"),
        ("tiktok_error_access_token_expired", 401, "refresh"),
        ("tiktok_error_invalid_sign", 401, "fail"),
    ])
    func errorCodes(fixture: String, status: Int, expected: String) throws {
        let verdict = TikTokShop.classify(HTTPResponseValue(status: status, headers: [:], body: try Fixtures.data("TikTokShop", fixture)),
                                          endpoint: "/x")
        switch (verdict, expected) {
        case (.throttled, "throttled"), (.refreshCredentials, "refresh"): break
        case (.fail(let error), "fail"): #expect(error.code == "106001" && error.kind == .authentication)
        default: Issue.record("\(fixture) gave \(verdict)")
        }
    }
}
