import Dashboard
import Foundation
import Hummingbird
import HummingbirdTesting
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Warehouse

/// The Executive overview, its CSV and its JSON, served from marts built from the Sandbox, show the world's figures.
@Suite("Executive overview end to end", .serialized)
struct ExecutiveOverviewEndToEndTests {
    @Test("the page, its CSV and its JSON answer 200 with the reconciled figures", arguments: WarehouseEngine.allCases)
    func pageCSVAndJSONShowReconciledFigures(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let synced = sandbox.window(days: 28)
            try await sandbox.syncAndTransform(synced, into: fixture)
            // The last 14 days, compared with the 14 before.
            let range = sandbox.window(days: 14)
            let truth = sandbox.server.world.truth(from: range.start, to: range.end)
            let revenue = truth.reduce(Int64(0)) { $0 + $1.revenueMinor }
            let spend = truth.reduce(Int64(0)) { $0 + $1.spendMinor }
            let orders = truth.reduce(Int64(0)) { $0 + $1.orders }
            let query = "preset=custom&from=\(range.start)&to=\(range.end)"
            let environment = DashboardEnvironment(warehouse: fixture.warehouse, now: { Date() })
            let app = buildApplication(host: "127.0.0.1", port: 0, environment: environment)
            try await app.test(.router) { client in
                try await client.execute(uri: "/?\(query)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                    let html = String(buffer: response.body)
                    #expect(html.contains(Self.baht(revenue)), "the page shows revenue \(Self.baht(revenue))")
                    #expect(html.contains(Self.baht(spend)), "the page shows ad spend \(Self.baht(spend))")
                    #expect(html.contains(Self.grouped(orders)), "the page shows \(orders) orders")
                }
                try await client.execute(uri: "/executive.csv?\(query)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
                    let lines = String(buffer: response.body).split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
                    let total = try #require(lines.first { $0.first == "total" })
                    #expect(total[1] == Substring(Money.format(minorUnits: revenue, digits: 2)))
                    #expect(total[2] == Substring(String(orders)))
                    #expect(total[5] == Substring(Money.format(minorUnits: spend, digits: 2)))
                    #expect(lines.count == 1 + 14 + 3, "header, one row per day, total, previous period, change")
                }
                let csv = try await client.execute(uri: "/executive.csv?\(query)", method: .get) { String(buffer: $0.body) }
                try await client.execute(uri: "/executive.json?\(query)", method: .get) { response in
                    #expect(response.status == .ok)
                    let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                    let kpis = json?["kpis"] as? [String: [String: Any]]
                    #expect(kpis?["revenue"]?["current"] as? String == Money.format(minorUnits: revenue, digits: 2))
                    #expect(kpis?["ad_spend"]?["current"] as? String == Money.format(minorUnits: spend, digits: 2))
                    #expect((kpis?["orders"]?["current"] as? NSNumber)?.int64Value == orders)
                    let roas = (kpis?["roas"]?["current"] as? NSNumber)?.doubleValue
                    #expect(abs((roas ?? 0) - Double(revenue) / Double(spend)) < 1e-9)
                    let daily = try #require(json?["daily"] as? [[String: Any]])
                    #expect(daily.count == 14)
                    // Every day carries the CSV's columns; money and counts are the CSV's very text.
                    let rows = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
                    for (day, row) in zip(daily, rows.dropFirst()) {
                        let cells = Dictionary(uniqueKeysWithValues: zip(rows[0], row))
                        #expect(Set(day.keys).isSuperset(of: rows[0]), "\(row[0]): \(day.keys.sorted())")
                        for column in ["date", "revenue", "ad_spend"] { #expect(day[column] as? String == cells[column]) }
                        for column in ["orders", "units"] { #expect((day[column] as? NSNumber).map { "\($0.int64Value)" } == cells[column]) }
                    }
                }
                try await client.execute(uri: "/?\(query)", method: .head) { response in
                    #expect(response.status == .ok, "uptime checks send HEAD")
                    #expect(response.body.readableBytes == 0)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                }
                try await client.execute(uri: "/?preset=custom&from=2026-13-01&to=2026-01-01", method: .get) { response in
                    #expect(response.status == .badRequest)
                    #expect(String(buffer: response.body).contains("from=YYYY-MM-DD"))
                }
                try await client.execute(uri: "/executive.json?preset=custom&from=9999-01-01&to=9999-01-31", method: .get) { response in
                    #expect(response.status == .badRequest)
                    #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                    let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: [String: Any]]
                    #expect((json?["error"]?["status"] as? NSNumber)?.intValue == 400)
                    #expect((json?["error"]?["message"] as? String)?.contains("2000-01-01 to 2060-12-31") == true)
                }
            }
        }
    }

    @Test("the dashboard accepts exactly the dates the warehouse's calendar holds", arguments: WarehouseEngine.allCases)
    func supportedDatesAreTheWarehouseCalendar(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            let bounds = try #require(try await fixture.warehouse.query("SELECT min(date) AS first, max(date) AS last FROM dim_date").first)
            #expect(BusinessDate(bounds.text("first")) == DashboardFilters.supportedDates.lowerBound)
            #expect(BusinessDate(bounds.text("last")) == DashboardFilters.supportedDates.upperBound)
        }
    }

    static func baht(_ minor: Int64) -> String {
        let text = Money.format(minorUnits: minor, digits: 2)
        let parts = text.split(separator: ".")
        return "฿" + grouped(Int64(parts[0])!) + "." + parts[1]
    }

    static func grouped(_ value: Int64) -> String {
        let digits = Array(String(value))
        var output = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { output += "," }
            output.append(digit)
        }
        return output
    }
}
