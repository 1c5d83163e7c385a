import Connectors
import Foundation
import Testing

@Suite("Shopee v2 signing")
struct ShopeeSigningTests {
    static let partnerKey = "shpk4e6f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7"
    static let accessToken = "4c6d5a4b4f6e4d7a6f4a4b4c4d4e4f50"

    @Test("the worked examples of ecommerce-apis.md §1.3", arguments: [
        ("/api/v2/order/get_order_list", true, "fc44a9e9f04f1b59fe9fd81273302c71e8925c47cf94385f8e30c29298cda5c4"),
        ("/api/v2/ads/get_all_cpc_ads_daily_performance", true, "0f42c648d1bbac27f64719a2470fcf19cfafe9042fc1736cfa1207b291f0c751"),
        ("/api/v2/auth/access_token/get", false, "914ff45e45ceff4c18368e907f677be8e21c042b8e8cb117c296a2959bbb1fc5"),
    ])
    func workedExamples(path: String, isShopAPI: Bool, expected: String) {
        let sign = Shopee.signature(partnerKey: Self.partnerKey, partnerID: 2_001_887, path: path, timestamp: 1_717_261_200,
                                    accessToken: isShopAPI ? Self.accessToken : nil, shopID: isShopAPI ? 600_000_001 : nil)
        #expect(sign == expected)
    }

    @Test func orderListRequestCarriesTheDocumentedQuery() {
        let call = Shopee.Requests.orderList(field: .createTime, from: 1_715_965_200, to: 1_717_261_200, cursor: "")
        let request = call.request(baseURL: "https://partner.shopeemobile.com", partnerID: 2_001_887, partnerKey: Self.partnerKey,
                                   timestamp: 1_717_261_200, accessToken: Self.accessToken, shopID: 600_000_001)
        #expect(request.method == .get)
        #expect(request.url == "https://partner.shopeemobile.com/api/v2/order/get_order_list?partner_id=2001887&timestamp=1717261200"
            + "&access_token=4c6d5a4b4f6e4d7a6f4a4b4c4d4e4f50&shop_id=600000001"
            + "&sign=fc44a9e9f04f1b59fe9fd81273302c71e8925c47cf94385f8e30c29298cda5c4"
            + "&time_range_field=create_time&time_from=1715965200&time_to=1717261200&page_size=100&response_optional_fields=order_status")
    }

    @Test func cursorsAndListsArePercentEncoded() {
        let call = Shopee.Requests.orderList(field: .updateTime, from: 1, to: 2, cursor: "a+b=c/d")
        let url = call.request(baseURL: "http://127.0.0.1:1/", partnerID: 1, partnerKey: "k", timestamp: 3, accessToken: "t", shopID: 4).url
        #expect(url.hasSuffix("&cursor=a%2Bb%3Dc%2Fd"))
        #expect(url.hasPrefix("http://127.0.0.1:1/api/v2/"), "a trailing slash in base_url is not doubled")
    }

    @Test func refreshIsAPublicCallWithTheTokenInTheBody() throws {
        let call = Shopee.Requests.refreshAccessToken(refreshToken: "r1", partnerID: 2_001_887, shopID: 600_000_001)
        let request = call.request(baseURL: "https://x", partnerID: 2_001_887, partnerKey: Self.partnerKey, timestamp: 1_717_261_200,
                                   accessToken: nil, shopID: nil)
        #expect(request.method == .post)
        #expect(request.url.contains("sign=914ff45e45ceff4c18368e907f677be8e21c042b8e8cb117c296a2959bbb1fc5"))
        #expect(!request.url.contains("access_token="), "public calls carry no access token")
        let body = try JSONSerialization.jsonObject(with: try #require(request.body)) as? [String: Any]
        #expect(body?["refresh_token"] as? String == "r1")
        #expect(body?["shop_id"] as? Int == 600_000_001)
    }
}
