@testable import Connectors
import Foundation
import Testing

@Suite("Shopee response classification")
struct ShopeeClassifyTests {
    func verdict(_ fixture: String, status: Int = 200) throws -> ResponseVerdict {
        Shopee.classify(HTTPResponseValue(status: status, body: try Fixtures.data("Shopee", fixture)), endpoint: "/api/v2/x")
    }

    @Test func anExpiredTokenAsksForARefresh() throws {
        guard case .refreshCredentials = try verdict("shopee_error_invalid_access_token", status: 403) else {
            Issue.record("error_auth Invalid access_token. should ask for a refresh")
            return
        }
    }

    @Test func aWrongSignIsPermanentAndNamesTheCode() throws {
        guard case .fail(let error) = try verdict("shopee_error_wrong_sign", status: 403) else {
            Issue.record("error_sign should be a permanent failure")
            return
        }
        #expect(error.description == "Shopee /api/v2/x: error_sign: Wrong sign. (HTTP 403)")
    }

    @Test func throttlingAndServerErrorsAreRetried() throws {
        guard case .throttled = Shopee.classify(HTTPResponseValue(status: 429, body: Data(#"{"error":"error_too_many_request","message":"slow down"}"#.utf8)), endpoint: "/x") else {
            Issue.record("HTTP 429 should be throttling")
            return
        }
        guard case .transient = Shopee.classify(HTTPResponseValue(status: 503, body: Data("<html>".utf8)), endpoint: "/x") else {
            Issue.record("HTTP 503 should be transient")
            return
        }
    }

    @Test func theDocumentedSamplesAreSuccesses() throws {
        for fixture in ["shopee_get_order_list", "shopee_get_order_detail", "shopee_get_shop_info"] {
            guard case .success = try verdict(fixture) else {
                Issue.record("\(fixture) should be a success")
                continue
            }
        }
        guard case .fail = try verdict("shopee_error_order_list_invalid_time") else {
            Issue.record("order.order_list_invalid_time should fail")
            return
        }
    }
}
