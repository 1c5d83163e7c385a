import Foundation
import OmnidashCore
import Warehouse

/// A customer's campaigns (with their budgets) or ad groups, listed in full on every sync with `googleAds:search` and
/// paged by `nextPageToken` until it is absent.
public struct GoogleAdsEntityStream: SyncStream {
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.googleAds) }
    public var accountID: String { customerID }
    public var name: String { entity.rawValue }
    let entity: GoogleAds.Entity
    let customerID: String
    let settings: GoogleAdsSettings
    let session: GoogleAdsSession
    let runner: RequestRunner

    public init(entity: GoogleAds.Entity, customerID: String, settings: GoogleAdsSettings, session: GoogleAdsSession,
                runner: RequestRunner, counters: RequestCounters) {
        self.entity = entity
        self.customerID = GoogleAdsSettings.digits(customerID)
        self.settings = settings
        self.session = session
        self.runner = runner
        self.counters = counters
    }

    public func run(_ context: StreamContext) async throws -> StreamSummary {
        let endpoint = "/\(settings.apiVersion)/customers/\(customerID)/googleAds:search"
        let parser = GoogleAdsRowParser(customerID: customerID, stream: name)
        var summary = StreamSummary()
        var pageToken: String?
        var pages = 0
        repeat {
            let token = pageToken
            let response = try await session.send(runner, endpoint: endpoint) { [settings, customerID, entity] headers in
                GoogleAds.Requests.search(baseURL: settings.baseURL, version: settings.apiVersion, customerID: customerID,
                                          query: entity.query, pageToken: token, headers: headers)
            }
            let scanner = JSONScanner([UInt8](response.body))
            var page = ParsedPage()
            do {
                if let results = try scanner.value(at: ["results"]) {
                    for element in try scanner.elements(of: results) { page.append(parser.entity(entity, scanner, element)) }
                }
                pageToken = try scanner.value(at: ["nextPageToken"]).flatMap(scanner.string)
            } catch {
                throw ConnectorError(.invalidResponse, platform: .googleAds, endpoint: endpoint, message: "search answer is not a page: \(error)")
            }
            pages += 1
            try await context.load(page, into: entity.table, of: self, position: "page \(pages)", summary: &summary)
        } while pageToken?.isEmpty == false
        return summary
    }
}
