@testable import Dashboard
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import OmnidashCore
import OmnidashTestSupport
import Testing

/// A viewer reads every page without cost, fee, profit or margin figures, in HTML, CSV and JSON alike, while an
/// analyst sees them. Ad spend stays visible to both.
@Suite("Viewer redaction")
struct ViewerRedactionTests {
    /// The cost figures' names each page shows an analyst.
    static let costWords = ["shops": ["Marketplace fees", "Profit after fees"],
                            "products": ["Marketplace fees", "Profit after fees", "Gross profit", "Cost of goods", "Margin"]]

    func withApp(role: UserRole, _ body: @escaping @Sendable (SignedInClient) async throws -> Void) async throws {
        try await withTestAccounts { accounts in
            let environment = DashboardEnvironment(warehouse: StubWarehouse(), now: { DashboardHTTPTests.now },
                                                   logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }, accounts: accounts)
            try await withSignedInClient(environment, role: role, body)
        }
    }

    @Test(arguments: [UserRole.viewer, .analyst])
    func costFiguresShowOnlyToRolesThatSeeCosts(role: UserRole) async throws {
        let sees = role.seesCosts
        try await withApp(role: role) { client in
            for page in ["shops", "products"] {
                let html = String(buffer: try await client.execute(uri: "/\(page)?preset=last_7_days", method: .get).body)
                for word in Self.costWords[page] ?? [] where html.contains(word) != sees {
                    Issue.record("\(role) /\(page): '\(word)' \(sees ? "missing" : "shown")")
                }
                let csv = String(buffer: try await client.execute(uri: "/\(page).csv?preset=last_7_days", method: .get).body)
                let header = Set((csv.split(separator: "\r\n").first ?? "").split(separator: ",").map(String.init))
                #expect(header.contains("fees") == sees, "\(role) /\(page).csv header: \(header.sorted())")
                #expect(header.contains("profit_after_fees") == sees, "\(role) /\(page).csv")
                #expect(header.contains("revenue"), "\(role) /\(page).csv keeps revenue")
                let lines = csv.split(separator: "\r\n")
                #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == header.count },
                        "every line has the header's columns")
                let json = try await client.execute(uri: "/\(page).json?preset=last_7_days", method: .get)
                let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [String: Any])
                let kpis = try #require(object["kpis"] as? [String: Any])
                #expect((kpis["fees"] != nil) == sees, "\(role) /\(page).json kpis: \(kpis.keys.sorted())")
                #expect((kpis["profit_after_fees"] != nil) == sees, "\(role) /\(page).json")
                #expect(kpis["revenue"] != nil)
            }
            let products = try await client.execute(uri: "/products.json?preset=last_7_days", method: .get)
            let kpis = (try JSONSerialization.jsonObject(with: Data(buffer: products.body)) as? [String: Any])?["kpis"] as? [String: Any]
            for key in ["cost", "gross_profit", "margin"] { #expect((kpis?[key] != nil) == sees, "\(role) /products.json \(key)") }
            // Ad spend is not a cost figure: a viewer reads it on the overview like anyone.
            let overview = String(buffer: try await client.execute(uri: "/executive.json", method: .get).body)
            #expect(overview.contains("\"ad_spend\""), "\(role) sees ad spend")
        }
    }

    @Test func aCSVLosesWholeColumnsEvenWithQuotedCommas() {
        let csv = "name,fees,revenue\r\n\"Shop, Bangkok\",12.00,100.00\r\ntotal,12.00,100.00\r\n"
        #expect(CostFigures.strip(csv: csv) == "name,revenue\r\n\"Shop, Bangkok\",100.00\r\ntotal,100.00\r\n")
    }
}
