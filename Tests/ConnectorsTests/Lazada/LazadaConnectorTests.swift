@testable import Connectors
import Foundation
import OmnidashCore
import Testing
import Warehouse

@Suite("Lazada connector")
struct LazadaConnectorTests {
    let hasher = PIIHasher(secret: "test-pii-key-0123456789")

    @Test("the documentation's worked signatures")
    func workedSignatures() {
        #expect(Lazada.signature(path: "/order/get", parameters: [
            ("app_key", "123456"), ("access_token", "test"), ("timestamp", "1517820392000"), ("sign_method", "sha256"), ("order_id", "1234"),
        ], appSecret: "helloworld") == "4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A")
        #expect(Lazada.signature(path: "/auth/token/create", parameters: [
            ("app_key", "100132"), ("timestamp", "1717200000000"), ("sign_method", "sha256"), ("code", "0_100132_AbCdEf123456"),
        ], appSecret: "testSecretKey123") == "B44987899E87EA2140E0DF6F0C5F2543D3560F1FAD301926AFFBC2CA5ECE348C")
    }

    @Test func requestsCarryTheSystemParametersAndNoEmptyOnes() throws {
        var call = Lazada.Requests.orders(byUpdate: true, from: "2026-11-01T00:00:00+07:00", to: "2026-11-03T23:59:59+07:00", offset: 200)
        call.parameters.append(("status_extra", ""))
        let request = call.request(baseURL: "https://api.lazada.co.th/rest", appKey: "100132", appSecret: "secret",
                                   timestampMilliseconds: 1_717_200_000_000, accessToken: "token")
        let components = try #require(URLComponents(string: request.url))
        let query = Dictionary(uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        #expect(components.path == "/rest/orders/get")
        #expect(query["update_after"] == "2026-11-01T00:00:00+07:00" && query["sort_by"] == "updated_at" && query["offset"] == "200")
        #expect(query["status_extra"] == nil, "empty parameters are never sent")
        let signed = (components.queryItems ?? []).filter { $0.name != "sign" }.map { ($0.name, $0.value ?? "") }
        #expect(query["sign"] == Lazada.signature(path: "/orders/get", parameters: signed, appSecret: "secret"))
        #expect(query["timestamp"] == "1717200000000" && query["access_token"] == "token" && query["sign_method"] == "sha256")
    }

    @Test func bothTimestampFormsParse() {
        #expect(LazadaTimestamp.parse("2018-02-09T22:44:30+08:00") == 1_518_187_470)
        #expect(LazadaTimestamp.parse("2014-10-15 19:12:15 +0800") == 1_413_371_535)
        #expect(LazadaTimestamp.parse("2026-11-25T06:30:00Z") == 1_795_588_200)
        #expect(LazadaTimestamp.parse("yesterday") == nil)
        #expect(LazadaTimestamp.format(1_518_187_470, in: TimeZone(identifier: "Asia/Bangkok")!) == "2018-02-09T21:44:30+07:00")
    }

    @Test func theDocumentedOrderBecomesARawRowWithItsItemsAndNoPII() throws {
        let orders = JSONScanner([UInt8](try Fixtures.data("Lazada", "lazada_orders_get")))
        let orderList = try #require(try orders.value(at: ["data", "orders"]))
        let order = try #require(try orders.elements(of: orderList).first)
        let items = JSONScanner([UInt8](try Fixtures.data("Lazada", "lazada_order_items_get")))
        let itemList = try #require(try items.value(at: ["data"]))
        let itemRanges = try items.elements(of: itemList)
        let row = try #require(LazadaOrderParser(hasher: hasher).parse(orders, order, items: itemRanges, itemScanner: items, sellerID: "1001").row)
        #expect(row["order_id"] == "491253082180001")
        #expect(row["price"] == "106.00")
        #expect(row["create_time"] == .integer(1_518_187_470))
        #expect(row["seller_id"] == "1001")
        let raw = try #require(row["raw_json"].string)
        for clear in ["Ha Hung", "61****7", "1 CHANGI VILLAGE ROAD, 11", "\"post_code\":\"500001\"", "012345679"] {
            #expect(!raw.contains(clear), "raw_json still contains \(clear)")
        }
        #expect(try #require(row["customer_name"].string).hasPrefix("hmac:"))
        // What the buyer typed (the sample's remarks and gift message) is withheld, not stored.
        #expect(raw.contains(#""remarks":"\#(JSONRedactor.withheldMarker)""#) && raw.contains(#""gift_message":"\#(JSONRedactor.withheldMarker)""#),
                "\(raw)")
        let storedItems = try #require(row["items"].string)
        #expect(storedItems.hasPrefix("[{") && !storedItems.contains("\"buyer_id\":\"1001\""))
    }

    @Test("malformed orders are rejected with a reason that names the field", arguments: [
        (#"{"created_at":"2026-11-25T10:00:00+07:00","updated_at":"2026-11-25T10:00:00+07:00"}"#, "order_id"),
        (#"{"order_id":"401","created_at":"yesterday","updated_at":"2026-11-25T10:00:00+07:00"}"#, "created_at"),
        (#"{"order_id":"402","created_at":"2026-11-25T10:00:00+07:00","updated_at":"2026-11-25T10:00:00+07:00","price":"n/a"}"#, "price"),
    ])
    func malformedOrdersAreRejected(json: String, field: String) throws {
        let scanner = JSONScanner(Array(json.utf8))
        let items = JSONScanner(Array(#"[{"paid_price":"10.00","status":"pending"}]"#.utf8))
        let record = LazadaOrderParser(hasher: hasher).parse(scanner, try scanner.root(), items: try items.elements(of: try items.root()),
                                                            itemScanner: items, sellerID: "1")
        guard case .reject(let reject) = record else {
            Issue.record("\(json) was accepted")
            return
        }
        #expect(reject.reason.hasPrefix(field), "\(reject.reason)")
        #expect(reject.source == "lazada" && reject.stream == "orders")
    }

    @Test func errorsAreClassifiedByLazadasCodes() throws {
        func verdict(_ fixture: String) throws -> ResponseVerdict {
            Lazada.classify(HTTPResponseValue(status: 200, body: try Fixtures.data("Lazada", fixture)), endpoint: "/orders/get")
        }
        guard case .throttled(_, let after) = try verdict("lazada_error_api_call_limit") else {
            Issue.record("ApiCallLimit should be throttling")
            return
        }
        #expect(after == .seconds(1), "the ban's length is honoured")
        guard case .refreshCredentials = try verdict("lazada_error_illegal_access_token") else {
            Issue.record("IllegalAccessToken should ask for a refresh")
            return
        }
        guard case .fail(let error) = try verdict("lazada_error_incomplete_signature") else {
            Issue.record("IncompleteSignature is permanent")
            return
        }
        #expect(error.description.hasPrefix("Lazada /orders/get: IncompleteSignature: "))
    }
}
