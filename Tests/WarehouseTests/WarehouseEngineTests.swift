import OmnidashTestSupport
import Testing
@testable import Warehouse

@Suite("Warehouse engines")
struct WarehouseEngineTests {
    @Test("migrations create every seed table and fill the calendar", arguments: WarehouseEngine.allCases)
    func migrationsCreateSeedTables(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            let warehouse = fixture.warehouse
            for table in ["raw_shopee_orders", "raw_lazada_orders", "raw_tiktok_orders", "raw_facebook_ads", "raw_google_ads",
                          "raw_tiktok_ads", "raw_ga4_events", "stg_orders", "stg_order_items", "stg_ads_performance",
                          "stg_products", "stg_shops", "stg_ga4_sessions", "stg_ga4_traffic", "stg_ga4_pages",
                          "mart_daily_performance", "mart_shop_performance", "mart_ads_channel_performance",
                          "mart_campaign_performance", "mart_product_performance", "mart_simple_alerts",
                          "mart_website_analytics", "mart_traffic_sources", "mart_cross_channel_attribution",
                          "raw_rejects", "sync_state", "sync_runs", "dim_date"] {
                let count = try await warehouse.scalar(SQLStatement("SELECT count(*) FROM \(table)"))
                #expect(count.int64 != nil, "\(table) is missing")
            }
            let leap = try await warehouse.query(SQLStatement(
                "SELECT prev_day, same_day_last_month, same_day_last_week FROM dim_date WHERE date = :d", ["d": "2024-03-31"]))
            #expect(leap.first?.text("prev_day") == "2024-03-30")
            #expect(leap.first?.text("same_day_last_month") == "2024-02-29")
            #expect(leap.first?.text("same_day_last_week") == "2024-03-24")
            #expect(try await warehouse.pendingMigrations().isEmpty)
            #expect(try await warehouse.migrate().isEmpty, "a second migrate applies nothing")
        }
    }

    @Test("append-dedup keeps the newest version of a key, including within one batch", arguments: WarehouseEngine.allCases)
    func appendDedupKeepsNewest(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            let warehouse = fixture.warehouse
            try await warehouse.execute("CREATE TABLE t_dedup (k TEXT NOT NULL, v INTEGER NOT NULL, payload TEXT, PRIMARY KEY (k))")
            func load(_ rows: [[SQLValue]]) async throws {
                try await warehouse.write([.insert(RowSet(table: "t_dedup", columns: ["k", "v", "payload"], rows: rows,
                                                          onConflict: .replaceIfNewer(key: ["k"], version: "v")))])
            }
            // Enough rows to take PostgreSQL's COPY path as well as its VALUES path.
            let many = (0..<200).map { [SQLValue.text("k\($0)"), .integer(1), .text("first\t\\ \"quoted\"\nline")] }
            try await load(many + [["k0", 3, "newest"], ["k0", 2, "older in the same batch"]])
            try await load([["k0", 1, "stale"], ["k1", 5, "newer"]])
            let rows = try await warehouse.query("SELECT k, v, payload FROM t_dedup WHERE k IN ('k0', 'k1', 'k2') ORDER BY k")
            #expect(rows.map { $0.text("payload") } == ["newest", "newer", "first\t\\ \"quoted\"\nline"])
            #expect(try await warehouse.scalar("SELECT count(*) FROM t_dedup").int64 == 200)
        }
    }

    @Test("bulk rows keep every byte: escapes, Thai text, empty strings apart from NULL", arguments: WarehouseEngine.allCases)
    func bulkRowsKeepEveryByte(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            let warehouse = fixture.warehouse
            try await warehouse.execute("CREATE TABLE t_bytes (k INTEGER NOT NULL, v TEXT, PRIMARY KEY (k))")
            let texts: [SQLValue] = [
                .text(#"{"note":"tab\tnew\nline","path":"C:\\x"}"#), .text("a\tb\nc\rd\\e"), .text("\\N"), .text(""), .null,
                .text("สบู่เหลว ๑๐๐ มล. – ครีม"), .text("\t\n\r\\"), .text(String(repeating: "ก\\", count: 2_000)),
            ]
            // Enough rows to take PostgreSQL's COPY path, where each of these bytes is escaped.
            let rows = (0..<600).map { index in [SQLValue.integer(Int64(index)), texts[index % texts.count]] }
            try await warehouse.write([.insert(RowSet(table: "t_bytes", columns: ["k", "v"], rows: rows))])
            let stored = try await warehouse.query("SELECT k, v FROM t_bytes ORDER BY k")
            #expect(stored.count == rows.count)
            for (row, expected) in zip(stored, rows) where row["v"] != expected[1] {
                Issue.record("row \(row.int("k")): stored \(row["v"]), expected \(expected[1])")
                break
            }
        }
    }

    @Test("a failed write leaves nothing behind", arguments: WarehouseEngine.allCases)
    func failedWriteIsAtomic(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            let warehouse = fixture.warehouse
            try await warehouse.execute("CREATE TABLE t_atomic (k TEXT PRIMARY KEY)")
            await #expect(throws: WarehouseError.self) {
                try await warehouse.write([
                    .insert(RowSet(table: "t_atomic", columns: ["k"], rows: [["a"], ["b"]])),
                    .execute("INSERT INTO t_atomic (k) VALUES ('a')"),
                ])
            }
            #expect(try await warehouse.scalar("SELECT count(*) FROM t_atomic").int64 == 0)
        }
    }

    @Test("named parameters bind by value on both engines", arguments: WarehouseEngine.allCases)
    func namedParameters(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            let rows = try await fixture.warehouse.query(SQLStatement(
                "SELECT count(*) AS n FROM dim_date WHERE date BETWEEN :from AND :to AND ':not_a_parameter' <> :from",
                ["from": "2026-11-01", "to": "2026-11-30"]))
            #expect(rows.first?.int("n") == 30)
        }
    }

    @Test func locationParsing() throws {
        #expect(try WarehouseLocation(parsing: "omnidash.sqlite") == .sqlite(path: "omnidash.sqlite"))
        #expect(try WarehouseLocation(parsing: "sqlite:/tmp/x.db") == .sqlite(path: "/tmp/x.db"))
        let pg = try WarehouseLocation(parsing: "postgres://seller:secret@db.local:6543/marketing?schema=prod_marketing")
        #expect(pg.description == "postgres://seller@db.local:6543/marketing?schema=prod_marketing", "no password in descriptions")
        #expect(throws: WarehouseError.self) { try WarehouseLocation(parsing: "mysql://x/y") }
        #expect(throws: WarehouseError.self) { try WarehouseLocation(parsing: "postgres://db.local/marketing") }
        #expect(throws: WarehouseError.self) { try WarehouseLocation(parsing: "postgres://u@db.local/m?schema=a;drop") }
    }
}
