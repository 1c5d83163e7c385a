import Foundation
import OmnidashCore

/// One page of `get_product_level_campaign_id_list`: the shop's product campaign ids, and whether more follow.
struct ShopeeAdsCampaignIDPage: Sendable {
    let ids: [String]
    let hasNextPage: Bool

    static func fetch(_ session: ShopeeSession, offset: Int) async throws -> ShopeeAdsCampaignIDPage {
        let call = Shopee.Requests.productLevelCampaignIDList(offset: offset)
        let scanner = JSONScanner([UInt8](try await session.send(call)))
        func invalid(_ message: String) -> ConnectorError {
            ConnectorError(.invalidResponse, platform: .shopee, endpoint: call.path, message: message)
        }
        guard let list = try? scanner.value(at: ["response", "campaign_list"]), let elements = try? scanner.elements(of: list) else {
            throw invalid("response.campaign_list is missing or not an array")
        }
        guard let more = try? scanner.value(at: ["response", "has_next_page"]), ["true", "false"].contains(scanner.text(more)) else {
            throw invalid("response.has_next_page is missing or not a boolean")
        }
        var ids: [String] = []
        for element in elements {
            do {
                let id = try ShopeeAdsRecord(scanner, element).id("campaign_id")
                if !ids.contains(id) { ids.append(id) }
            } catch {
                throw invalid("response.campaign_list: \(error.reason)")
            }
        }
        // A page that says more follow but holds nothing would loop for ever.
        return ShopeeAdsCampaignIDPage(ids: ids, hasNextPage: scanner.text(more) == "true" && !ids.isEmpty)
    }
}
