import Foundation

/// An HTTP request as a value: what a connector's pure request builders produce.
public struct HTTPRequestValue: Sendable, Hashable {
    public enum Method: String, Sendable { case get = "GET", post = "POST" }

    public var method: Method
    public var url: String
    public var headers: [String: String]
    public var body: Data?

    public init(method: Method, url: String, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// An HTTP response as a value. Header names are lowercased.
public struct HTTPResponseValue: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }
}

/// Sends requests. The live transport is one shared AsyncHTTPClient; tests may wrap it to count or break calls.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequestValue, timeout: Duration) async throws -> HTTPResponseValue
}
