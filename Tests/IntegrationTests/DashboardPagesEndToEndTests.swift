import Dashboard
import Foundation
import Hummingbird
import HummingbirdTesting
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Warehouse

/// Every page (Executive overview, Shop performance, Product analytics, Ads overview and the ads deep dives), its CSV
/// and its JSON, served from marts built from the Sandbox, show the world's figures.
@Suite("Dashboard pages end to end", .serialized)
struct DashboardPagesEndToEndTests {
    @Test("every page, its CSV and its JSON answer 200 with the reconciled figures", arguments: WarehouseEngine.allCases)
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
            let environment = DashboardEnvironment(warehouse: fixture.warehouse, now: { Date() },
                                                   accounts: TestSignIn.accounts(fixture.warehouse))
            try await withSignedInClient(environment) { client in
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
                try await Self.shopAndProductPages(client, sandbox: sandbox, range: range, query: query)
                try await Self.adsPages(client, sandbox: sandbox, range: range, query: query)
                try await Self.websitePages(client, sandbox: sandbox, range: range, query: query)
                // An analyst sees the products' cost and fees; a viewer, on the same synced days, sees neither anywhere.
                let analystCSV = String(buffer: try await client.execute(uri: "/products.csv?\(query)", method: .get).body)
                #expect(analystCSV.split(separator: "\r\n").first?.contains("profit_after_fees") == true)
                try await Self.viewerSeesNoCosts(environment, query: query)
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

    /// Every cost-bearing page as a viewer: revenue shows, and no cost, fee, profit or margin column, key or card does.
    static func viewerSeesNoCosts(_ environment: DashboardEnvironment, query: String) async throws {
        try await withSignedInClient(environment, role: .viewer, name: "viewer") { client in
            for page in ["shops", "products"] {
                let csv = String(buffer: try await client.execute(uri: "/\(page).csv?\(query)", method: .get).body)
                let header = (csv.split(separator: "\r\n").first ?? "").split(separator: ",").map(String.init)
                #expect(header.contains("revenue"), "/\(page).csv")
                #expect(header.allSatisfy { !["cost", "fees", "profit", "margin"].contains(where: $0.contains) }, "/\(page).csv: \(header)")
                #expect(csv.split(separator: "\r\n").count > 2, "/\(page).csv has rows")
                let json = String(buffer: try await client.execute(uri: "/\(page).json?\(query)", method: .get).body)
                for word in ["\"cost", "fees\"", "fees_minor", "profit", "margin"] { #expect(!json.contains(word), "/\(page).json has \(word)") }
                let html = String(buffer: try await client.execute(uri: "/\(page)?\(query)", method: .get).body)
                for word in ["Marketplace fees", "Profit after fees", "Gross profit", "Cost of goods", ">Margin"] {
                    #expect(!html.contains(word), "/\(page) shows \(word)")
                }
            }
        }
    }

    /// Shop performance and Product analytics on the same synced data: every shop's and every master SKU's figures
    /// in the CSVs equal the world's, the JSON matches the CSV, and narrowing to a marketplace, a shop or a product shows
    /// just its figures.
    static func shopAndProductPages(_ client: some TestClientProtocol, sandbox: SandboxHarness, range: DateRange,
                                    query: String) async throws {
        let world = sandbox.server.world
        let shopTruth = world.platformTruth(from: range.start, to: range.end).filter { $0.platform.kind == .marketplace }
        func cells(_ csv: String) -> [[String: String]] {
            let lines = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            return lines.dropFirst().map { Dictionary(zip(lines[0], $0), uniquingKeysWith: { first, _ in first }) }
        }
        let shopsCSV = try await client.execute(uri: "/shops.csv?\(query)", method: .get) { response in
            #expect(response.status == .ok)
            return String(buffer: response.body)
        }
        let shopRows = cells(shopsCSV)
        #expect(shopRows.filter { $0["platform"] != "total" }.count == 4, "two Shopee shops, one Lazada, one TikTok Shop")
        for (key, slices) in Dictionary(grouping: shopTruth, by: { "\($0.platform.rawValue)/\($0.accountID)" }) {
            let row = shopRows.first { "\($0["platform"] ?? "")/\($0["shop_id"] ?? "")" == key }
            #expect(row?["revenue"] == Money.format(minorUnits: slices.reduce(0) { $0 + $1.revenueMinor }, digits: 2), "\(key)")
            #expect(row?["orders"] == String(slices.reduce(0) { $0 + $1.orders }), "\(key)")
            #expect(row?["units"] == String(slices.reduce(0) { $0 + $1.units }), "\(key)")
        }
        let allRevenue = shopTruth.reduce(Int64(0)) { $0 + $1.revenueMinor }
        #expect(shopRows.first { $0["platform"] == "total" }?["revenue"] == Money.format(minorUnits: allRevenue, digits: 2))
        try await client.execute(uri: "/shops?\(query)", method: .get) { response in
            #expect(response.status == .ok)
            let html = String(buffer: response.body)
            for shop in world.shops { #expect(html.contains(shop.name), "the shop table names \(shop.name)") }
            #expect(html.contains(DashboardPagesEndToEndTests.baht(allRevenue)))
        }
        // The Executive overview narrowed to TikTok Shop: its revenue, every channel's ad spend, and no ROAS.
        let tiktokShopRevenue = shopTruth.filter { $0.platform == .tiktokShop }.reduce(Int64(0)) { $0 + $1.revenueMinor }
        try await client.execute(uri: "/executive.json?\(query)&platform=tiktok", method: .get) { response in
            #expect(response.status == .ok)
            let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            let kpis = json?["kpis"] as? [String: [String: Any]]
            #expect(kpis?["revenue"]?["current"] as? String == Money.format(minorUnits: tiktokShopRevenue, digits: 2))
            #expect(kpis?["roas"]?["current"] is NSNull, "one marketplace's revenue over every channel's spend is no ROAS")
            let spend = world.truth(from: range.start, to: range.end).reduce(Int64(0)) { $0 + $1.spendMinor }
            #expect(kpis?["ad_spend"]?["current"] as? String == Money.format(minorUnits: spend, digits: 2))
        }
        // Narrowed to one Shopee shop: its figures only, in the JSON as on the CSV.
        let mall = try #require(world.shops.last { $0.platform == .shopee })
        let mallRevenue = shopTruth.filter { $0.accountID == String(mall.shopID) }.reduce(Int64(0)) { $0 + $1.revenueMinor }
        try await client.execute(uri: "/shops.json?\(query)&platform=shopee&shop=\(mall.shopID)", method: .get) { response in
            #expect(response.status == .ok)
            let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            let kpis = json?["kpis"] as? [String: [String: Any]]
            #expect(kpis?["revenue"]?["current"] as? String == Money.format(minorUnits: mallRevenue, digits: 2))
            #expect((json?["shops"] as? [Any])?.count == 1)
        }

        let productTruth = world.productTruth(from: range.start, to: range.end)
        let productsCSV = try await client.execute(uri: "/products.csv?\(query)", method: .get) { response in
            #expect(response.status == .ok)
            return String(buffer: response.body)
        }
        let productRows = cells(productsCSV)
        let bySKU = Dictionary(grouping: productTruth, by: \.skuMaster)
        #expect(productRows.filter { $0["sku_master"] != "total" }.count == bySKU.count)
        for (sku, days) in bySKU {
            let row = productRows.first { $0["sku_master"] == sku }
            #expect(row?["units"] == String(days.reduce(0) { $0 + $1.units }), "\(sku)")
            #expect(row?["revenue"] == Money.format(minorUnits: days.reduce(0) { $0 + $1.revenueMinor }, digits: 2), "\(sku)")
            #expect(row?["cost"] == Money.format(minorUnits: days.reduce(0) { $0 + $1.costMinor }, digits: 2), "\(sku)")
            #expect(row?["tiktok_revenue"] == Money.format(minorUnits: days.reduce(0) { $0 + ($1.revenueMinorByPlatform[.tiktokShop] ?? 0) }, digits: 2))
        }
        // Narrowed to TikTok Shop, and drilled into the best seller there.
        let tiktokRevenue = productTruth.reduce(Int64(0)) { $0 + ($1.revenueMinorByPlatform[.tiktokShop] ?? 0) }
        let best = try #require(bySKU.max { a, b in
            a.value.reduce(0) { $0 + ($1.revenueMinorByPlatform[.tiktokShop] ?? 0) } < b.value.reduce(0) { $0 + ($1.revenueMinorByPlatform[.tiktokShop] ?? 0) }
        })
        try await client.execute(uri: "/products.json?\(query)&platform=tiktok&sku=\(best.key)", method: .get) { response in
            #expect(response.status == .ok)
            let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            let kpis = json?["kpis"] as? [String: [String: Any]]
            #expect(kpis?["revenue"]?["current"] as? String == Money.format(minorUnits: tiktokRevenue, digits: 2))
            let detail = json?["detail"] as? [String: Any]
            #expect((detail?["days"] as? [Any])?.count == range.dayCount)
            #expect((json?["unmapped"] as? [Any])?.isEmpty == true, "the world's map names every SKU it sells")
        }
        try await client.execute(uri: "/products?\(query)&sku=\(best.key)", method: .get) { response in
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains(best.key))
        }
        try await client.execute(uri: "/products?\(query)&platform=amazon", method: .get) { response in
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body).contains("unknown platform"))
        }
    }

    /// The Ads overview and the three deep dives on the same synced data: every campaign's figures in the CSVs equal the
    /// world's on all six ad platforms, the JSON matches, MER is all revenue over all spend, and drilling into a campaign
    /// and an ad set shows figures that add up to it.
    static func adsPages(_ client: some TestClientProtocol, sandbox: SandboxHarness, range: DateRange, query: String) async throws {
        let world = sandbox.server.world
        let truth = Dictionary(grouping: world.campaignTruth(from: range.start, to: range.end)) {
            "\($0.platform.rawValue)/\($0.accountID)/\($0.campaignID)"
        }
        func cells(_ csv: String) -> [[String: String]] {
            let lines = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            return lines.dropFirst().map { Dictionary(zip(lines[0], $0), uniquingKeysWith: { first, _ in first }) }
        }
        func money(_ slices: [CampaignTruth], _ value: KeyPath<CampaignTruth, Int64>) -> String {
            Money.format(minorUnits: slices.reduce(0) { $0 + $1[keyPath: value] }, digits: 2)
        }
        let overview = try await client.execute(uri: "/ads.csv?\(query)", method: .get) { response in
            #expect(response.status == .ok)
            return cells(String(buffer: response.body))
        }
        #expect(overview.count == truth.count, "one row per campaign that delivered")
        #expect(Set(overview.compactMap { $0["platform"] }) == Set(Platform.allCases.filter { $0.kind == .advertising }.map(\.rawValue)))
        for row in overview {
            let key = "\(row["platform"] ?? "")/\(row["account_id"] ?? "")/\(row["campaign_id"] ?? "")"
            let slices = truth[key] ?? []
            #expect(row["spend"] == money(slices, \.spendMinor), "\(key)")
            #expect(row["impressions"] == String(slices.reduce(0) { $0 + $1.impressions }), "\(key)")
            #expect(row["clicks"] == String(slices.reduce(0) { $0 + $1.clicks }), "\(key)")
            #expect(row["conversions"] == String(slices.reduce(0) { $0 + $1.conversions }), "\(key)")
            #expect(row["status"].map { ["good", "warning", "poor"].contains($0) } == true, "\(key) has a status")
        }
        #expect(overview.first { $0["campaign_name"] == world.underperformingCampaign.name }?["status"] == "poor")
        let days = world.truth(from: range.start, to: range.end)
        let revenue = days.reduce(Int64(0)) { $0 + $1.revenueMinor }, spend = days.reduce(Int64(0)) { $0 + $1.spendMinor }
        try await client.execute(uri: "/ads.json?\(query)", method: .get) { response in
            #expect(response.status == .ok)
            let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            let kpis = json?["kpis"] as? [String: [String: Any]]
            #expect(kpis?["spend"]?["current"] as? String == Money.format(minorUnits: spend, digits: 2))
            let mer = (kpis?["mer"]?["current"] as? NSNumber)?.doubleValue ?? 0
            #expect(abs(mer - Double(revenue) / Double(spend)) < 1e-9, "MER is all revenue over all spend")
            let campaigns = try #require(json?["campaigns"] as? [[String: Any]])
            #expect(campaigns.count == overview.count)
            for (entry, row) in zip(campaigns, overview) {
                #expect(entry["campaign_id"] as? String == row["campaign_id"] && entry["spend"] as? String == row["spend"])
            }
            let platforms = try #require(json?["platforms"] as? [[String: Any]])
            #expect(platforms.allSatisfy { $0["budget_utilization"] is NSNumber }, "every platform reports budgets")
        }
        try await client.execute(uri: "/ads?\(query)", method: .get) { response in
            #expect(response.status == .ok)
            let html = String(buffer: response.body)
            #expect(html.contains(DashboardPagesEndToEndTests.baht(spend)))
            #expect(html.contains(world.underperformingCampaign.name))
        }
        // Each deep dive lists its platforms' campaigns with the overview's figures; a campaign's ad sets, and an ad
        // set's ads, add up to it.
        for (page, platforms) in [("ads-facebook", ["facebook"]), ("ads-google", ["google"]),
                                  ("ads-others", ["tiktok_ads", "line", "shopee_ads", "lazada_ads"])] {
            let campaigns = try await client.execute(uri: "/\(page).csv?\(query)", method: .get) { response in
                #expect(response.status == .ok, "\(page)")
                return cells(String(buffer: response.body))
            }
            let expected = overview.filter { platforms.contains($0["platform"] ?? "") }
            #expect(campaigns.count == expected.count, "\(page)")
            for row in campaigns {
                #expect(expected.first { $0["campaign_id"] == row["id"] }?["spend"] == row["spend"], "\(page) \(row["id"] ?? "")")
            }
            let top = try #require(campaigns.first)
            let adSets = try await client.execute(
                uri: "/\(page).csv?\(query)&platform=\(top["platform"]!)&account=\(top["account_id"]!)&campaign=\(top["id"]!)",
                method: .get) { cells(String(buffer: $0.body)) }.filter { $0["level"] == "adset" }
            let adSetSpend = adSets.compactMap { $0["spend"].flatMap { Decimal(string: $0) } }.reduce(0, +)
            #expect(adSetSpend == Decimal(string: top["spend"]!), "\(page): the ad sets of \(top["name"] ?? "") add up to it")
            try await client.execute(uri: "/\(page)?\(query)&campaign=\(top["id"]!)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(top["name"] ?? "?"))
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

    /// The Website page's totals are the world's GA4 truth summed over the range; the Attribution page's campaigns carry
    /// the world's attribution truth, to the satang, with ROAS on GA4 revenue over spend.
    static func websitePages(_ client: some TestClientProtocol, sandbox: SandboxHarness, range: DateRange, query: String) async throws {
        let world = sandbox.server.world
        let channels = world.websiteTruth(from: range.start, to: range.end)
        try await client.execute(uri: "/website.json?\(query)", method: .get) { response in
            #expect(response.status == .ok)
            let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            let totals = try #require(json?["totals"] as? [String: Any])
            #expect((totals["sessions"] as? NSNumber)?.int64Value == channels.reduce(0) { $0 + $1.sessions })
            #expect((totals["transactions"] as? NSNumber)?.int64Value == channels.reduce(0) { $0 + $1.transactions })
            #expect(totals["revenue"] as? String == Money.format(minorUnits: channels.reduce(0) { $0 + $1.revenueMinor }, digits: 2))
            #expect((json?["data_source"] as? [String: Any])?["summary"] as? String == "data_api", "the demo reads GA4 through the Data API")
        }
        try await client.execute(uri: "/website?\(query)", method: .get) { response in
            #expect(response.status == .ok)
        }
        let truth = Dictionary(grouping: world.attributionTruth(from: range.start, to: range.end)) {
            "\($0.platform.rawValue)/\($0.accountID)/\($0.campaignID)"
        }
        let rows = try await client.execute(uri: "/attribution.csv?\(query)", method: .get) { response in
            #expect(response.status == .ok)
            let lines = String(buffer: response.body).split(separator: "\r\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
            return lines.dropFirst().map { Dictionary(zip(lines[0], $0), uniquingKeysWith: { first, _ in first }) }
        }
        #expect(!truth.isEmpty)
        for (key, slices) in truth {
            let row = rows.first { "\($0["platform"] ?? "")/\($0["account_id"] ?? "")/\($0["campaign_id"] ?? "")" == key }
            #expect(row?["ga_sessions"] == String(slices.reduce(0) { $0 + $1.sessions }), "\(key)")
            #expect(row?["ga_transactions"] == String(slices.reduce(0) { $0 + $1.transactions }), "\(key)")
            #expect(row?["ga_revenue"] == Money.format(minorUnits: slices.reduce(0) { $0 + $1.revenueMinor }, digits: 2), "\(key)")
            #expect(row?["marketplace_orders"] == String(slices.reduce(0) { $0 + $1.ecomOrders }), "\(key)")
            #expect(row?["marketplace_revenue"] == Money.format(minorUnits: slices.reduce(0) { $0 + $1.ecomRevenueMinor }, digits: 2), "\(key)")
        }
        try await client.execute(uri: "/attribution?\(query)", method: .get) { response in
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains("th_1111_flash_sale_2025"), "a paid UTM that matches no campaign is listed")
        }
    }
}
