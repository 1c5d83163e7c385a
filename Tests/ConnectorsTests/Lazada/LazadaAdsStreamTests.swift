@testable import Connectors
import Foundation
import OmnidashCore
import Testing
import Warehouse

@Suite("Lazada Sponsored Solutions streams")
struct LazadaAdsStreamTests {
    static let sample = #"""
        {"ctr":"6.86","campaignObjective":"null","campaignType":"1","campaignId":"101100021686346","storeRevenue":"451.48",
         "storeCvr":"0.1028","storeA2c":"61","storeOrders":"11","productUnitSold":"18","impressions":"1560","productCvr":"0.0654",
         "productOrders":"7","storeRoi":"6.77","cpc":"0.62","spend":"66.68","clicks":"107","productRevenue":"243.66",
         "storeUnitSold":"32","campaignName":"Parodontax Search (Manual)","productType":"N","dayBudget":"10","productA2c":"35"}
        """#

    @Test func theDocumentedReportRowParsesWithItsStringsKept() throws {
        let scanner = JSONScanner(Array(Self.sample.utf8))
        let record = LazadaAdsCampaignReportStream.parse(scanner, try scanner.root(), day: BusinessDate("2026-11-01")!,
                                                         sellerID: "100348271", currency: "THB")
        let row = try #require(record.row)
        #expect(row["spend"] == "66.68")
        #expect(row["store_revenue"] == "451.48")
        #expect(row["store_orders"] == 11)
        #expect(row["product_orders"] == 7)
        #expect(row["impressions"] == 1560)
        #expect(row["day_budget"] == "10")
        #expect(row["_date"] == "2026-11-01")
        #expect(row["currency"] == "THB")
    }

    @Test("a malformed row is rejected naming its field; '-' is Lazada's no data", arguments: [
        (#""spend":"6,66""#, "spend: '6,66' is not a number"),
        (#""clicks":"1.5""#, "clicks: '1.5' is not a whole number"),
        (#""campaignId":"abc""#, "campaignId: 'abc' is not an id"),
        (#""spend":"-""#, ""),
    ])
    func malformed(member: String, reason: String) throws {
        let json = String(Self.sample.dropLast()) + "," + member + "}"
        let scanner = JSONScanner(Array(json.utf8))
        let record = LazadaAdsCampaignReportStream.parse(scanner, try scanner.root(), day: BusinessDate("2026-11-01")!,
                                                         sellerID: "1", currency: "THB")
        switch record {
        case .row(let row): #expect(reason.isEmpty && row["spend"] == "0", "no data is nothing spent")
        case .reject(let reject): #expect(reject.reason == reason && reject.stream == "ads_campaign_report")
        }
    }

    @Test func aRefusalInsideTheGatewaysSuccessIsAnError() throws {
        let body = #"{"result":{"result":[],"success":"false","errorCode":"INVALID_PARAM","errorMsg":"Invalid param."},"code":"0"}"#
        let scanner = JSONScanner(Array(body.utf8))
        let error = try #require(Lazada.sponsorRefusal(scanner, endpoint: "/sponsor/solutions/report/getDiscoveryReportCampaign"))
        #expect(error.code == "INVALID_PARAM")
        #expect(Lazada.sponsorRefusal(JSONScanner(Array(#"{"result":{"success":"true"},"code":"0"}"#.utf8)), endpoint: "/x") == nil)
        #expect(Lazada.adsCurrency(baseURL: "https://api.lazada.vn/rest") == "VND")
        #expect(Lazada.adsCurrency(baseURL: "https://api.lazada.co.th/rest") == "THB")
    }
}
