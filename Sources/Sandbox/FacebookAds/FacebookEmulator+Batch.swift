import Foundation
import Hummingbird
import OmnidashCore

/// The Graph batch endpoint (Graph API "Batch Requests" doc; SDK api.py `FacebookAdsApiBatch.execute`, which posts
/// `batch` to `/{version}/` as a form field): up to 50 requests in one call, answered as a JSON array of
/// `{"code","headers":[{"name","value"}],"body":"<JSON text>"}` in the requests' order.
///
/// Each request is answered by the emulator exactly as it would be alone (faults, usage and all), so SDKs can poll
/// report runs or read insights through a batch. A request without its own `access_token` or `appsecret_proof`
/// uses the batch's.
extension FacebookEmulator {
    static let maximumBatchSize = 50

    func batch(_ parameters: QueryParameters, version: String) async throws -> Response {
        guard let text = parameters["batch"], !text.isEmpty else {
            throw GraphError.invalidParameter("The parameter batch is required")
        }
        guard let list = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any] else {
            throw GraphError.invalidParameter("Param batch must be a JSON array of requests")
        }
        guard list.count <= FacebookEmulator.maximumBatchSize else { throw GraphError.batchTooLarge }
        var answers: [JSONValue] = []
        for entry in list {
            answers.append(await answer(entry as? [String: Any], inherited: parameters, version: version))
        }
        return HTTPReply.json(.ok, .array(answers))
    }

    /// One request of a batch. `relative_url` is relative to the Graph root, with or without a version.
    private func answer(_ entry: [String: Any]?, inherited: QueryParameters, version: String) async -> JSONValue {
        guard let entry, let relative = entry["relative_url"] as? String else {
            return await FacebookEmulator.collect(
                GraphError.invalidParameter("Each batch request needs a method and a relative_url").response())
        }
        let methodText = ((entry["method"] as? String) ?? "GET").uppercased()
        let method: HTTPRequest.Method = switch methodText {
        case "POST": .post
        case "DELETE": .delete
        default: .get
        }
        let pieces = relative.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var components = pieces[0].split(separator: "/").map(String.init)
        if components.first.flatMap({ GraphVersion($0) }) == nil { components.insert(version, at: 0) }
        guard components.count > 1 else {
            return await FacebookEmulator.collect(GraphError.unknownPath("/").response())
        }
        var query = QueryParameters(pieces.count > 1 ? String(pieces[1]) : nil)
        for name in ["access_token", "appsecret_proof"] where !query.has(name) {
            if let value = inherited[name] { query = QueryParameters(query.replacing(name, with: value)) }
        }
        let body = (entry["body"] as? String).map { Array($0.utf8) } ?? []
        let request = EmulatorRequest(method: method, path: "/" + components.joined(separator: "/"), query: query,
                                      headers: [:], body: body)
        return await FacebookEmulator.collect(await respond(to: request))
    }

    /// A response as a batch answer: status code, headers and the body as text.
    static func collect(_ response: Response) async -> JSONValue {
        let sink = ByteSink()
        let body = response.body
        try? await body.write(CollectingWriter(sink: sink))
        let headers = response.headers.map { field -> JSONValue in
            .object([("name", .string(field.name.canonicalName)), ("value", .string(field.value))])
        }
        return .object([
            ("code", .int(Int64(response.status.code))),
            ("headers", .array(headers)),
            ("body", .string(String(decoding: sink.bytes, as: UTF8.self))),
        ])
    }
}

/// The bytes a response body writes, gathered for a batch answer.
private final class ByteSink: @unchecked Sendable {
    var bytes: [UInt8] = []
}

private struct CollectingWriter: ResponseBodyWriter {
    let sink: ByteSink

    mutating func write(_ buffer: ByteBuffer) async throws {
        sink.bytes += buffer.readableBytesView
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
