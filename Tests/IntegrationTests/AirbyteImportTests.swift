import Connectors
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Transform
import Warehouse

/// A user who already runs Airbyte's `source-facebook-marketing` imports its `read` output and gets the same marts as
/// with the native connector. The output is made here from the Sandbox's own Graph API, the way Airbyte's source reads
/// it (ad-level daily insights, the account, campaigns, ad sets and ads) and prints it (RECORD lines with Airbyte's
/// typed numbers, a STATE after each page, LOG and TRACE lines), with a bad line and a stream Omnidash does not read.
@Suite("Airbyte import against the Sandbox", .serialized)
struct AirbyteImportTests {
    static let days = 7

    @Test("an Airbyte Facebook read output gives the native connector's mart_ads_channel_performance", arguments: WarehouseEngine.allCases)
    func facebookOutputMatchesTheNativeConnector(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        let window = sandbox.window(days: Self.days)
        let settings = try #require(sandbox.configuration(warehouse: "unused").sources[FacebookAdsSettings.self])
        let output = try await Self.airbyteReadOutput(settings, window: window)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("airbyte-facebook-\(UUID().uuidString.prefix(8)).jsonl").path
        try output.lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }

        try await withTestWarehouse(engine) { native in
            try await withTestWarehouse(engine) { imported in
                let nativeReport = try await sandbox.sync(window, into: native.warehouse, location: native.location,
                                                          sources: [.platform(.facebookAds), .fx])
                #expect(nativeReport.succeeded)
                _ = try await TransformRunner(warehouse: native.warehouse, configuration: sandbox.configuration(warehouse: native.location)).run()

                // The Airbyte side still syncs its FX rates (the USD account is converted with them), nothing else.
                _ = try await sandbox.sync(window, into: imported.warehouse, location: imported.location, sources: [.fx])
                let summary = try await Self.importFile(file, into: imported.warehouse)
                #expect(summary.records == output.records + 1, "every RECORD line was read, the unknown stream's too")
                #expect(summary.rows[FacebookAdsRawTables.insights.table] == output.insightRows)
                #expect(summary.states == output.states)
                #expect(summary.logs == 1)
                #expect(summary.traceErrors.isEmpty, "a STREAM_STATUS trace is not an error")
                #expect(summary.unknownStreams == ["ad_creatives": 1])
                #expect(summary.rejects == 2, "the bad line and the unknown stream's record")
                let rejects = try await imported.warehouse.query("SELECT source, stream, record_key, reason FROM raw_rejects ORDER BY record_key")
                #expect(rejects.count == 2)
                #expect(rejects.contains { $0.text("stream") == "ad_creatives" && $0.text("reason").contains("ad_creatives")
                        && $0.text("reason").contains(":\(output.unknownStreamLine):") })
                #expect(rejects.contains { $0.text("record_key") == "line \(output.badLine)" && $0.text("reason").contains("not JSON") })
                _ = try await TransformRunner(warehouse: imported.warehouse, configuration: sandbox.configuration(warehouse: imported.location)).run()

                let expected = try await Self.channelMart(native.warehouse)
                let first = try await Self.channelMart(imported.warehouse)
                #expect(!expected.isEmpty)
                // The budgets came through the entity streams: budget_utilization is compared too, not two NULLs.
                #expect(try await imported.warehouse.scalar("SELECT count(*) FROM stg_ad_budget_days").int64 ?? 0 > 0)
                #expect(first == expected)

                // The state saved is the last page's, per stream, ready for `airbyte read --state`.
                let store = AirbyteStateStore(warehouse: imported.warehouse, source: "facebook-marketing")
                let stateFile = try #require(try await store.stateFile())
                #expect(stateFile.hasPrefix("[") && stateFile.contains(output.lastState))

                // Importing the same output again changes nothing.
                let rawBefore = try await imported.warehouse.scalar("SELECT count(*) FROM raw_facebook_ads").int64
                _ = try await Self.importFile(file, into: imported.warehouse)
                _ = try await TransformRunner(warehouse: imported.warehouse, configuration: sandbox.configuration(warehouse: imported.location)).run()
                #expect(try await imported.warehouse.scalar("SELECT count(*) FROM raw_facebook_ads").int64 == rawBefore)
                #expect(try await Self.channelMart(imported.warehouse) == expected)
                #expect(try await store.stateFile() == stateFile)
            }
        }
    }

    static func importFile(_ file: String, into warehouse: any Warehouse) async throws -> AirbyteImportSummary {
        let mapper = try #require(AirbyteSourceRegistry.mapper(for: "source-facebook-marketing"))
        let importer = AirbyteImport(sink: RawSink(warehouse: warehouse, runID: "airbyte-test"), source: "facebook-marketing", mapper: mapper)
        return try await importer.run(.file(file))
    }

    /// `mart_ads_channel_performance` as comparable lines, without its build time.
    static func channelMart(_ warehouse: any Warehouse) async throws -> [String] {
        let columns = MartTables.adsChannelPerformance.columnNames.filter { $0 != "_built_at" }
        let rows = try await warehouse.query(SQLStatement(
            "SELECT \(columns.joined(separator: ", ")) FROM mart_ads_channel_performance ORDER BY date, platform, account_id"))
        return rows.map { row in columns.map { row.optionalText($0) ?? "∅" }.joined(separator: "|") }
    }

    /// What Airbyte's source prints on `read`, and what the test expects of it.
    struct Output {
        var lines: [String] = []
        var records = 0
        var insightRows = 0
        var states = 0
        var lastState = ""
        var badLine = 0
        var unknownStreamLine = 0
    }

    /// Reads the Sandbox's Graph API as Airbyte's source does and prints it as Airbyte messages.
    static func airbyteReadOutput(_ settings: FacebookAdsSettings, window: DateRange) async throws -> Output {
        var output = Output()
        let emittedAt = Int64(Date().timeIntervalSince1970 * 1000)
        func record(_ stream: String, _ data: String) {
            output.lines.append(#"{"type":"RECORD","record":{"stream":"\#(stream)","data":\#(data),"emitted_at":\#(emittedAt)}}"#)
            output.records += 1
        }
        output.lines.append(#"{"type":"LOG","log":{"level":"INFO","message":"Starting syncing SourceFacebookMarketing"}}"#)
        output.lines.append(#"{"type":"TRACE","trace":{"type":"STREAM_STATUS","emitted_at":\#(emittedAt),"stream_status":{"stream_descriptor":{"name":"ad_account"},"status":"STARTED"}}}"#)
        for account in settings.accounts {
            let id = FacebookAds.bareAccountID(account)
            let accountJSON = try await get(FacebookAds.Requests.account(baseURL: settings.baseURL, version: settings.apiVersion, accountID: id,
                                                                         accessToken: settings.accessToken, appSecret: settings.appSecret))
            record("ad_account", String(decoding: accountJSON, as: UTF8.self))
            for (edge, stream) in [("campaigns", "campaigns"), ("adsets", "ad_sets"), ("ads", "ads")] {
                var cursor: String?
                repeat {
                    let page = try await get(FacebookAds.Requests.entities(baseURL: settings.baseURL, version: settings.apiVersion, accountID: id,
                                                                           edge: edge, after: cursor, accessToken: settings.accessToken,
                                                                           appSecret: settings.appSecret))
                    let (elements, next) = try Self.elements(page)
                    for element in elements { record(stream, airbyteTyped(element, numbers: [], budgets: true, accountID: id)) }
                    cursor = next
                } while cursor != nil
            }
            var cursor: String?
            repeat {
                let page = try await get(FacebookAds.Requests.insights(baseURL: settings.baseURL, version: settings.apiVersion, accountID: id,
                                                                       since: window.start, until: window.end, after: cursor,
                                                                       accessToken: settings.accessToken, appSecret: settings.appSecret))
                let (elements, next) = try Self.elements(page)
                for element in elements {
                    record("ads_insights", airbyteTyped(element, numbers: ["impressions", "clicks", "reach", "spend", "cpc", "cpm", "ctr",
                                                                           "frequency", "value"], budgets: false, accountID: nil))
                    output.insightRows += 1
                }
                cursor = next
                let state = #"{"type":"STREAM","stream":{"stream_descriptor":{"name":"ads_insights"},"stream_state":{"\#(id)":{"date_start":"\#(window.end)","page":"\#(cursor ?? "")"}}},"sourceStats":{"recordCount":\#(elements.count)}}"#
                output.lines.append(#"{"type":"STATE","state":\#(state)}"#)
                output.states += 1
                output.lastState = state
            } while cursor != nil
            if output.badLine == 0 {
                output.lines.append(#"{"type":"RECORD","record":{"stream":"ads_insights","data":{"ad_id":"#)
                output.badLine = output.lines.count
                output.lines.append(#"{"type":"RECORD","record":{"stream":"ad_creatives","data":{"id":"120200000000001"},"emitted_at":\#(emittedAt)}}"#)
                output.unknownStreamLine = output.lines.count
            }
        }
        return output
    }

    /// A Graph API object as Airbyte's source prints it: the fields its schema types as numbers unquoted (`"spend":
    /// "12.50"` → `"spend":12.50`), budgets as numbers (`150000.0`), and the account id on entities.
    static func airbyteTyped(_ json: String, numbers: Set<String>, budgets: Bool, accountID: String?) -> String {
        var text = json
        for field in numbers {
            text = text.replacingOccurrences(of: #""\#(field)":"(-?[0-9]+(\.[0-9]+)?)""#, with: #""\#(field)":$1"#, options: .regularExpression)
        }
        if budgets {
            for field in ["daily_budget", "lifetime_budget", "budget_remaining"] {
                text = text.replacingOccurrences(of: #""\#(field)":"([0-9]+)""#, with: #""\#(field)":$1.0"#, options: .regularExpression)
            }
        }
        if let accountID, text.hasPrefix("{") { text = #"{"account_id":"\#(accountID)","# + text.dropFirst() }
        return text
    }

    /// The `data` elements of a Graph API page as text, and the cursor of the next page when there is one.
    static func elements(_ body: Data) throws -> ([String], String?) {
        let scanner = JSONScanner([UInt8](body))
        guard let data = try scanner.value(at: ["data"]) else { throw TestSupportError("no data in \(scanner.text(try scanner.root()))") }
        let elements = try scanner.elements(of: data).map(scanner.text)
        let next = (try? scanner.value(at: ["paging", "next"])).flatMap { $0 }
        let cursor = next == nil ? nil : (try? scanner.value(at: ["paging", "cursors", "after"])).flatMap { $0 }.flatMap(scanner.string)
        return (elements, cursor)
    }

    static func get(_ request: HTTPRequestValue) async throws -> Data {
        var urlRequest = URLRequest(url: try #require(URL(string: request.url)))
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: urlRequest)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else { throw TestSupportError("\(request.url) answered \(status): \(String(decoding: data, as: UTF8.self))") }
        return data
    }
}
