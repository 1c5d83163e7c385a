import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The live transport: one AsyncHTTPClient for the whole process (DESIGN §4).
public struct AsyncHTTPClientTransport: HTTPTransport {
    public let client: HTTPClient
    /// Responses larger than this are refused, so a misbehaving endpoint cannot exhaust memory.
    public var maxResponseBytes = 64 << 20

    public init(client: HTTPClient) {
        self.client = client
    }

    public func send(_ request: HTTPRequestValue, timeout: Duration) async throws -> HTTPResponseValue {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = request.method == .get ? .GET : .POST
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(outgoing, timeout: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000
                                                                                + timeout.components.attoseconds / 1_000_000_000))
        let body = try await response.body.collect(upTo: maxResponseBytes)
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        return HTTPResponseValue(status: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
    }
}
