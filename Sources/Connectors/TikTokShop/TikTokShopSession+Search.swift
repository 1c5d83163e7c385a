import Foundation
import OmnidashCore

extension TikTokShopSession {
    /// One page of a search or listing (orders, returns, products, statements, a statement's transactions): the scanner
    /// over the body, each record's range in it, and the next page's token, `nil` on the last page (TikTok sends an
    /// empty `next_page_token` there).
    func searchPage(_ call: TikTokShop.Call, list key: String) async throws -> (scanner: JSONScanner, records: [Range<Int>], next: String?) {
        let scanner = JSONScanner([UInt8](try await send(call)))
        let records: [Range<Int>]
        do {
            // A page with nothing in it may leave the list out.
            if let list = try scanner.value(at: ["data", key]), scanner.bytes[list.lowerBound] != UInt8(ascii: "n") {
                records = try scanner.elements(of: list)
            } else {
                records = []
            }
        } catch {
            throw ConnectorError(.invalidResponse, platform: .tiktokShop, endpoint: call.path, message: "data.\(key) is not an array: \(error)")
        }
        let token = (try? scanner.value(at: ["data", "next_page_token"])).flatMap { $0 }.flatMap { scanner.string($0) }
        return (scanner, records, token.flatMap { $0.isEmpty ? nil : $0 })
    }
}
