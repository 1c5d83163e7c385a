@testable import Connectors
import Testing

@Suite("Airbyte protocol messages")
struct AirbyteMessageTests {
    func decode(_ line: String) throws -> AirbyteMessage {
        try AirbyteMessage.decode(JSONScanner(Array(line.utf8)))
    }

    @Test("a RECORD names its stream and where its data lies")
    func record() throws {
        let line = #"{"type":"RECORD","record":{"namespace":null,"stream":"ads_insights","data":{"ad_id":"1","spend":12.5},"emitted_at":1764547200000}}"#
        guard case .record(let record) = try decode(line) else { Issue.record("not a record"); return }
        #expect(record.stream == "ads_insights")
        #expect(record.emittedAt == 1_764_547_200_000)
        #expect(String(decoding: Array(line.utf8)[record.data], as: UTF8.self) == #"{"ad_id":"1","spend":12.5}"#)
    }

    @Test("STATE per stream, global and legacy keep the state as printed")
    func states() throws {
        let stream = #"{"type":"STREAM","stream":{"stream_descriptor":{"name":"ads_insights","namespace":"n"},"stream_state":{"date_start":"2026-11-30"}}}"#
        guard case .state(let perStream) = try decode(#"{"type":"STATE","state":\#(stream)}"#) else { Issue.record("not a state"); return }
        #expect(perStream == AirbyteState(kind: .stream, stream: "ads_insights", namespace: "n", json: stream))
        guard case .state(let global) = try decode(#"{"type":"STATE","state":{"type":"GLOBAL","global":{"shared_state":{},"stream_states":[]}}}"#) else {
            Issue.record("not a state"); return
        }
        #expect(global.kind == .global && global.stream.isEmpty)
        guard case .state(let legacy) = try decode(#"{"type":"STATE","state":{"data":{"ads_insights":{"date_start":"2026-11-30"}}}}"#) else {
            Issue.record("not a state"); return
        }
        #expect(legacy.kind == .legacy && legacy.json == #"{"data":{"ads_insights":{"date_start":"2026-11-30"}}}"#)
    }

    @Test("LOG and TRACE errors are read; CATALOG is skipped")
    func logAndTrace() throws {
        guard case .log(let level, let message) = try decode(#"{"type":"LOG","log":{"level":"WARN","message":"rate limited"}}"#) else {
            Issue.record("not a log"); return
        }
        #expect(level == "WARN" && message == "rate limited")
        let trace = #"{"type":"TRACE","trace":{"type":"ERROR","emitted_at":1,"error":{"message":"Invalid token","failure_type":"config_error"}}}"#
        guard case .trace(let type, let text, let failure) = try decode(trace) else { Issue.record("not a trace"); return }
        #expect(type == "ERROR" && text == "Invalid token" && failure == "config_error")
        guard case .other("CATALOG") = try decode(#"{"type":"CATALOG","catalog":{"streams":[]}}"#) else { Issue.record("not skipped"); return }
    }

    @Test("a line that is not a message says what is wrong", arguments: [
        (#"{"type":"RECORD","record":{"data":{}}}"#, "record.stream"),
        (#"{"type":"RECORD","record":{"stream":"s","data":[1]}}"#, "record.data"),
        (#"{"record":{}}"#, "type"),
        (#"{"type":"RECORDS"}"#, "RECORDS"),
        (#"{"type":"STATE","state":{"type":"STREAM","stream":{}}}"#, "stream_descriptor"),
        (#"{"type":"RECORD","record":{"stream":"s","data":{"a":1}"#, "not JSON"),
    ])
    func badLines(line: String, named: String) throws {
        #expect(throws: AirbyteMessageError.self) { try decode(line) }
        do { _ = try decode(line) } catch { #expect("\(error)".contains(named), "\(error)") }
    }
}
