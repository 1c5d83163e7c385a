import Foundation

/// One line of what an Airbyte source prints on `read`: an `AirbyteMessage` of the Airbyte protocol, read without
/// building a tree. A record keeps the byte range of its `data`, so the mapper reads the record where it lies.
public enum AirbyteMessage: Sendable {
    case record(AirbyteRecord)
    case state(AirbyteState)
    /// `LOG`: a line the source wanted shown.
    case log(level: String, message: String)
    /// `TRACE`: an error, an estimate, a stream status; `message` is the error's message when it is one.
    case trace(type: String, message: String?, failureType: String?)
    /// `CATALOG`, `SPEC`, `CONNECTION_STATUS`, `CONTROL`: not part of a `read`'s data, counted and skipped.
    case other(type: String)

    /// Reads the message on `scanner`'s whole buffer; the error names the member that is wrong.
    public static func decode(_ scanner: JSONScanner) throws(AirbyteMessageError) -> AirbyteMessage {
        let root: Range<Int>
        do { root = try scanner.root() } catch { throw AirbyteMessageError("not JSON: \(error)") }
        let members = try object(scanner, root, name: "message")
        guard let typeRange = members["type"], let type = scanner.string(typeRange) else {
            throw AirbyteMessageError("type: is required (RECORD, STATE, LOG, TRACE, …)")
        }
        switch type {
        case "RECORD":
            guard let recordRange = members["record"] else { throw AirbyteMessageError("record: is required on a RECORD") }
            return .record(try AirbyteRecord(scanner, recordRange))
        case "STATE":
            guard let stateRange = members["state"] else { throw AirbyteMessageError("state: is required on a STATE") }
            return .state(try AirbyteState(scanner, stateRange))
        case "LOG":
            guard let logRange = members["log"] else { throw AirbyteMessageError("log: is required on a LOG") }
            let log = try object(scanner, logRange, name: "log")
            return .log(level: log["level"].flatMap(scanner.string) ?? "INFO", message: log["message"].flatMap(scanner.string) ?? "")
        case "TRACE":
            guard let traceRange = members["trace"] else { throw AirbyteMessageError("trace: is required on a TRACE") }
            let trace = try object(scanner, traceRange, name: "trace")
            let traceType = trace["type"].flatMap(scanner.string) ?? "ERROR"
            guard traceType == "ERROR", let errorRange = trace["error"] else { return .trace(type: traceType, message: nil, failureType: nil) }
            let error = try object(scanner, errorRange, name: "trace.error")
            return .trace(type: traceType, message: error["message"].flatMap(scanner.string) ?? error["internal_message"].flatMap(scanner.string),
                          failureType: error["failure_type"].flatMap(scanner.string))
        case "CATALOG", "SPEC", "CONNECTION_STATUS", "CONTROL":
            return .other(type: type)
        default:
            throw AirbyteMessageError("type: '\(type)' is not an Airbyte message type")
        }
    }

    /// The members of the object at `range` by key (the last of a repeated key wins).
    static func object(_ scanner: JSONScanner, _ range: Range<Int>, name: String) throws(AirbyteMessageError) -> [String: Range<Int>] {
        guard let members = try? scanner.members(of: range) else { throw AirbyteMessageError("\(name): is not a JSON object") }
        var byKey: [String: Range<Int>] = [:]
        for member in members where scanner.text(member.value) != "null" { byKey[member.key] = member.value }
        return byKey
    }
}

/// A `RECORD`'s `record`: the stream it belongs to and where its `data` object lies.
public struct AirbyteRecord: Sendable {
    public let stream: String
    public let namespace: String?
    public let data: Range<Int>
    /// Milliseconds since 1970 when the source read the record.
    public let emittedAt: Int64?

    init(_ scanner: JSONScanner, _ range: Range<Int>) throws(AirbyteMessageError) {
        let members = try AirbyteMessage.object(scanner, range, name: "record")
        guard let streamRange = members["stream"], let stream = scanner.string(streamRange), !stream.isEmpty else {
            throw AirbyteMessageError("record.stream: is required")
        }
        guard let data = members["data"], scanner.bytes[data.lowerBound] == UInt8(ascii: "{") else {
            throw AirbyteMessageError("record.data: is required and must be an object")
        }
        self.stream = stream
        self.namespace = members["namespace"].flatMap(scanner.string)
        self.data = data
        self.emittedAt = members["emitted_at"].flatMap { Int64(scanner.text($0)) }
    }
}

/// A `STATE`'s `state`: per stream (`STREAM`), for the whole source (`GLOBAL`), or the legacy single blob (`data`).
public struct AirbyteState: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case stream = "STREAM", global = "GLOBAL", legacy = "LEGACY"
    }

    public let kind: Kind
    /// The stream a `STREAM` state belongs to; empty for the others (they cover the whole source).
    public let stream: String
    public let namespace: String?
    /// The `state` object exactly as printed, to hand back to `airbyte read --state`.
    public let json: String

    public init(kind: Kind, stream: String, namespace: String?, json: String) {
        self.kind = kind
        self.stream = stream
        self.namespace = namespace
        self.json = json
    }

    init(_ scanner: JSONScanner, _ range: Range<Int>) throws(AirbyteMessageError) {
        let members = try AirbyteMessage.object(scanner, range, name: "state")
        json = scanner.text(range)
        let type = members["type"].flatMap(scanner.string)
        switch type {
        case "STREAM":
            guard let streamRange = members["stream"] else { throw AirbyteMessageError("state.stream: is required on a STREAM state") }
            let streamMembers = try AirbyteMessage.object(scanner, streamRange, name: "state.stream")
            guard let descriptorRange = streamMembers["stream_descriptor"] else {
                throw AirbyteMessageError("state.stream.stream_descriptor: is required")
            }
            let descriptor = try AirbyteMessage.object(scanner, descriptorRange, name: "state.stream.stream_descriptor")
            guard let name = descriptor["name"].flatMap(scanner.string), !name.isEmpty else {
                throw AirbyteMessageError("state.stream.stream_descriptor.name: is required")
            }
            kind = .stream
            stream = name
            namespace = descriptor["namespace"].flatMap(scanner.string)
        case "GLOBAL":
            guard members["global"] != nil else { throw AirbyteMessageError("state.global: is required on a GLOBAL state") }
            (kind, stream, namespace) = (.global, "", nil)
        case nil, "LEGACY":
            guard members["data"] != nil else { throw AirbyteMessageError("state.data: is required on a legacy state") }
            (kind, stream, namespace) = (.legacy, "", nil)
        case let other?:
            throw AirbyteMessageError("state.type: '\(other)' is not STREAM, GLOBAL or LEGACY")
        }
    }
}

/// Why a line is not an Airbyte message, in one line naming the member.
public struct AirbyteMessageError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
