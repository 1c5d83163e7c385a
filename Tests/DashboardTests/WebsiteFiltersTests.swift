@testable import Dashboard
import Foundation
import Hummingbird
import HummingbirdTesting
import OmnidashCore
import OmnidashTestSupport
import Testing

/// The channel filter of the Website page and both pages' routes, over the real router with an empty warehouse.
@Suite("Website and attribution filters")
struct WebsiteFiltersTests {
    static let today = BusinessDate("2026-12-05")!

    @Test func aChannelIsReadKeptInLinksAndRefusedWhenItCannotBeOne() throws {
        let filters = try DashboardFilters(query: ["preset": "last_7_days", "channel": "Organic Search"], today: Self.today)
        #expect(filters.channel == "Organic Search")
        #expect(SiteRoute.page(.website, .html, filters).url == "/website?preset=last_7_days&channel=Organic%20Search")
        #expect(try DashboardFilters(query: ["channel": "การตลาด LINE"], today: Self.today).channel == "การตลาด LINE")
        #expect(throws: FilterError(.errorNotAChannelGroup, ["value": "<script>"], subject: .scope)) {
            try DashboardFilters(query: ["channel": "<script>"], today: Self.today)
        }
    }

    @Test func bothPagesAnswerInEveryFormatAndRefuseABadFilter() async throws {
        try await withTestAccounts { accounts in
        let environment = DashboardEnvironment(warehouse: StubWarehouse(), now: { Date(timeIntervalSince1970: 1_796_450_400) },
                                               accounts: accounts)
        try await withSignedInClient(environment) { client in
            for path in ["/website", "/website.csv", "/website.json", "/attribution", "/attribution.csv", "/attribution.json",
                         "/website?channel=Paid%20Social", "/attribution?platform=google"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                }
            }
            try await client.execute(uri: "/website?channel=%3Cscript%3E", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("is not a channel group name"))
            }
            try await client.execute(uri: "/attribution.json?platform=nowhere", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
        }
        // Website then Attribution, after the ads pages; then the pages about the data itself.
        let ids = PageRegistry.pages.map { $0.id }
        #expect(ids.suffix(4) == [.website, .attribution, .alerts, .operations])
    }
}
