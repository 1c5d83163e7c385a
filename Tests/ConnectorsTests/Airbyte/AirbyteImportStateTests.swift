@testable import Connectors
import Foundation
import OmnidashTestSupport
import Testing
import Warehouse

/// The import's checkpoints: what a STATE saves, when, and what `--print-state` hands back to `airbyte read --state`.
@Suite("Airbyte import state")
struct AirbyteImportStateTests {
    static let record = #"{"type":"RECORD","record":{"stream":"ad_group_performance","data":{"customer.id":"1234567890","ad_group.id":"%@","segments.date":"2026-11-2%@","metrics.cost_micros":1000000},"emitted_at":1}}"#

    func write(_ lines: [String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("airbyte-state-\(UUID().uuidString.prefix(8)).jsonl").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func importer(_ warehouse: any Warehouse) throws -> AirbyteImport {
        let mapper = try #require(AirbyteSourceRegistry.mapper(for: "google-ads", options: AirbyteImportOptions(currency: "THB")))
        var importer = AirbyteImport(sink: RawSink(warehouse: warehouse, runID: "test"), source: "google-ads", mapper: mapper)
        importer.pageSize = 2
        return importer
    }

    @Test("a STATE is saved after the records before it, and the last one per stream is what --print-state prints")
    func streamStates() async throws {
        try await withTestWarehouse(.sqlite) { fixture in
            let state = { (day: Int) in
                #"{"type":"STREAM","stream":{"stream_descriptor":{"name":"ad_group_performance"},"stream_state":{"1234567890":{"segments.date":"2026-11-2\#(day)"}}}}"#
            }
            let lines = (1...3).map { String(format: Self.record, "\($0)", "\($0)") } + [#"{"type":"STATE","state":\#(state(3))}"#]
                + (4...5).map { String(format: Self.record, "\($0)", "\($0)") } + [#"{"type":"STATE","state":\#(state(5))}"#]
            let path = try write(lines)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let summary = try await importer(fixture.warehouse).run(.file(path))
            #expect(summary.rows == ["raw_google_ads": 5] && summary.states == 2 && summary.rejects == 0)
            let saved = try await fixture.warehouse.query("SELECT stream, state_type, line_number FROM airbyte_state")
            #expect(saved.count == 1 && saved.first?.text("stream") == "ad_group_performance" && saved.first?.int("line_number") == 7)
            let file = try await AirbyteStateStore(warehouse: fixture.warehouse, source: "google-ads").stateFile()
            #expect(file == "[\(state(5))]")
            // The other source's state is its own.
            #expect(try await AirbyteStateStore(warehouse: fixture.warehouse, source: "tiktok-marketing").stateFile() == nil)
        }
    }

    @Test("a legacy state is printed as its data object, and a later per-stream state replaces it")
    func legacyState() async throws {
        try await withTestWarehouse(.sqlite) { fixture in
            let legacy = try write([String(format: Self.record, "1", "1"), #"{"type":"STATE","state":{"data":{"ad_group_performance":{"segments.date":"2026-11-21"}}}}"#])
            defer { try? FileManager.default.removeItem(atPath: legacy) }
            _ = try await importer(fixture.warehouse).run(.file(legacy))
            let store = AirbyteStateStore(warehouse: fixture.warehouse, source: "google-ads")
            #expect(try await store.stateFile() == #"{"ad_group_performance":{"segments.date":"2026-11-21"}}"#)
            let stream = #"{"type":"STREAM","stream":{"stream_descriptor":{"name":"ad_group_performance"},"stream_state":{}}}"#
            let perStream = try write([#"{"type":"STATE","state":\#(stream)}"#])
            defer { try? FileManager.default.removeItem(atPath: perStream) }
            _ = try await importer(fixture.warehouse).run(.file(perStream))
            #expect(try await store.stateFile() == "[\(stream)]")
        }
    }

    @Test("a record after the last STATE is loaded, but the saved state stays the one its records are in")
    func recordsAfterTheLastState() async throws {
        try await withTestWarehouse(.sqlite) { fixture in
            let path = try write([
                String(format: Self.record, "1", "1"),
                #"{"type":"STATE","state":{"type":"STREAM","stream":{"stream_descriptor":{"name":"ad_group_performance"},"stream_state":{"n":1}}}}"#,
                String(format: Self.record, "2", "2"),
                #"{"type":"RECORD","record":{"stream":"ad_group_performance","data":{"customer.id":"1234567890","ad_group.id":"3","segments.date":"2026-11-23","metrics.clicks":-1},"emitted_at":1}}"#,
            ])
            defer { try? FileManager.default.removeItem(atPath: path) }
            let summary = try await importer(fixture.warehouse).run(.file(path))
            #expect(summary.rows == ["raw_google_ads": 2] && summary.rejects == 1)
            let reject = try await fixture.warehouse.query("SELECT source, stream, reason FROM raw_rejects")
            #expect(reject.first?.text("source") == "google" && reject.first?.text("reason").hasSuffix(":4: metrics.clicks: -1 is negative") == true)
            #expect(try await fixture.warehouse.scalar("SELECT line_number FROM airbyte_state").int64 == 2)
        }
    }
}
