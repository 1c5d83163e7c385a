import Connectors
import Foundation
import Testing
import Warehouse

@Suite("Shopee order records")
struct ShopeeOrderParserTests {
    let parser = ShopeeOrderParser(hasher: PIIHasher(secret: "test-pii-key-0123456789"))

    func firstOrder() throws -> (JSONScanner, Range<Int>) {
        let scanner = JSONScanner([UInt8](try Fixtures.data("Shopee", "shopee_get_order_detail")))
        let list = try #require(try scanner.value(at: ["response", "order_list"]))
        return (scanner, try #require(try scanner.elements(of: list).first))
    }

    @Test func theDocumentedOrderBecomesARawRowWithExactAmountsAndNoPII() throws {
        let (scanner, range) = try firstOrder()
        let values = try #require(parser.parse(scanner, range, shopID: "600000001").row, "the documented sample was rejected")
        #expect(values["order_sn"] == "2404098R48U37H")
        #expect(values["total_amount"] == "32119")
        #expect(values["currency"] == "VND")
        #expect(values["create_time"] == .integer(1_712_601_591))
        #expect(values["order_status"] == "COMPLETED")
        let raw = try #require(values["raw_json"].string)
        for clear in ["xt4fdsf96j", "P******n", "******64", "Ấp******", "1170319091"] {
            #expect(!raw.contains(clear), "raw_json still contains \(clear)")
        }
        #expect(raw.contains("\"state\":\"Bạc Liêu\""), "province-level address stays")
        #expect(raw.contains("\"model_discounted_price\": 48000") || raw.contains("\"model_discounted_price\":48000"))
        let buyer = try #require(values["buyer_username"].string)
        #expect(buyer == PIIHasher(secret: "test-pii-key-0123456789").hash("xt4fdsf96j", kind: .identifier))
        #expect(buyer.hasPrefix("hmac:"))
        let items = try JSONSerialization.jsonObject(with: Data(try #require(values["items"].string).utf8)) as? [[String: Any]]
        #expect(items?.first?["model_sku"] as? String == "QAZ-SADOER-05")
    }

    @Test("malformed records are rejected with a reason that names the field", arguments: [
        (#"{"order_sn":"A1","currency":"THB","order_status":"COMPLETED","create_time":1,"update_time":2,"item_list":"oops"}"#, "item_list"),
        (#"{"currency":"THB","order_status":"COMPLETED","create_time":1,"update_time":2,"item_list":[]}"#, "order_sn"),
        (#"{"order_sn":"A3","currency":"THB","order_status":"COMPLETED","create_time":1,"update_time":2,"item_list":[{"item_id":1,"item_name":"x","model_quantity_purchased":"two","model_original_price":10,"model_discounted_price":9}]}"#, "item_list[0].model_quantity_purchased"),
        (#"{"order_sn":"A4","currency":"THB","order_status":"COMPLETED","create_time":1,"update_time":2,"item_list":[]}"#, "item_list: is empty"),
        (#"{"order_sn":"A5","currency":"THB","order_status":"COMPLETED","create_time":1,"update_time":2,"total_amount":"abc","item_list":[{"item_id":1,"item_name":"x","model_quantity_purchased":1,"model_original_price":10,"model_discounted_price":9}]}"#, "total_amount"),
    ])
    func malformedRecordsAreRejected(json: String, field: String) throws {
        let scanner = JSONScanner(Array(json.utf8))
        guard case .reject(let reject) = parser.parse(scanner, try scanner.root(), shopID: "1") else {
            Issue.record("accepted a malformed record: \(json)")
            return
        }
        #expect(reject.reason.contains(field), "reason '\(reject.reason)' should name \(field)")
        #expect(reject.source == "shopee" && reject.stream == "orders")
    }

    @Test func redactionKeepsTheRestOfTheRecordByteForByte() throws {
        let json = #"{"order_sn":"X","recipient_address":{"name":"Somchai","phone":"081-234-5678","city":"Bangkok"},"note":"a \"quoted\" {brace}"}"#
        let scanner = JSONScanner(Array(json.utf8))
        let redactor = JSONRedactor([["recipient_address", "name"]: .text, ["recipient_address", "phone"]: .phone])
        let hasher = PIIHasher(secret: "k")
        let output = String(decoding: try redactor.redact(scanner, try scanner.root(), hasher: hasher), as: UTF8.self)
        #expect(output == #"{"order_sn":"X","recipient_address":{"name":"\#(hasher.hash("Somchai", kind: .text))","phone":"\#(hasher.hash("0812345678", kind: .phone))","city":"Bangkok"},"note":"a \"quoted\" {brace}"}"#)
    }

    /// A note or a message to the seller can hold a phone number or an address anywhere in it: it never reaches the warehouse.
    @Test func buyerFreeTextIsWithheldAndAnOversizedRecordIsRefused() throws {
        let item = #"{"item_id":1,"item_name":"x","model_quantity_purchased":1,"model_original_price":10,"model_discounted_price":9}"#
        func order(note: String) -> String {
            #"{"order_sn":"N1","currency":"THB","order_status":"COMPLETED","create_time":1,"update_time":2,"#
                + #""note":"\#(note)","message_to_seller":"ring 081-234-5678 at 99 Sukhumvit soi 11","item_list":[\#(item)]}"#
        }
        let scanner = JSONScanner(Array(order(note: "leave with the guard, Khun Somchai 089-999-0000").utf8))
        let raw = try #require(parser.parse(scanner, try scanner.root(), shopID: "1").row?["raw_json"].string)
        for clear in ["081-234-5678", "Sukhumvit", "Somchai", "089-999-0000"] {
            #expect(!raw.contains(clear), "raw_json still contains \(clear): \(raw)")
        }
        #expect(raw.contains(#""note":"\#(JSONRedactor.withheldMarker)""#) && raw.contains(#""message_to_seller":"\#(JSONRedactor.withheldMarker)""#))

        let huge = JSONScanner(Array(order(note: String(repeating: "x", count: 5 << 20)).utf8))
        guard case .reject(let reject) = parser.parse(huge, try huge.root(), shopID: "1") else {
            Issue.record("a 5 MB record was stored")
            return
        }
        #expect(reject.reason.contains("over the 1048576-byte limit") && reject.payload == nil && reject.recordKey == "N1", "\(reject.reason)")
    }
}
