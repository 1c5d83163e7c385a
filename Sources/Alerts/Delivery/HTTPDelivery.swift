import AsyncHTTPClient
import Foundation
import NIOCore

/// Posting a JSON body for the HTTP channels, and reading what came back, with connection errors as retryable failures.
struct HTTPDelivery: Sendable {
    let client: HTTPClient
    /// One attempt's limit, connecting included.
    let timeout: TimeAmount

    struct Reply {
        let status: Int
        /// `Retry-After` in seconds, when the service sent one.
        let retryAfter: Duration?
        let body: String
    }

    /// Largest response body read: the services answer a few bytes of JSON or text.
    static let maximumBodySize = 64 * 1024

    func post(_ url: String, json: Data, headers: [(String, String)], channel: String) async throws(DeliveryFailure) -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "omnidash")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(data: json))
        do {
            let response = try await client.execute(request, timeout: timeout)
            let body = try await response.body.collect(upTo: Self.maximumBodySize)
            let retryAfter = response.headers.first(name: "Retry-After")
                .flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map { Duration.seconds(max(0, $0)) }
            return Reply(status: Int(response.status.code), retryAfter: retryAfter, body: String(buffer: body))
        } catch {
            throw DeliveryFailure("\(channel): POST \(Self.redacted(url)) failed: \(error)", retryable: true)
        }
    }

    /// The URL's scheme, host and port only: webhook paths are secrets.
    static func redacted(_ url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return "the configured URL" }
        return "\(components.scheme ?? "https")://\(host)\(components.port.map { ":\($0)" } ?? "")"
    }
}
