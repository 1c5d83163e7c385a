import AsyncHTTPClient
import Crypto
import Foundation
import Logging
import OmnidashCore
import Testing
@testable import Sandbox

/// Shared pieces of the Sandbox tests: a started server, an HTTP client, a Shopee signer of the tests' own, and
/// JSON helpers.
enum SandboxTest {
    /// The tests' as-of date: the world's last days include 11.11 and its tail.
    static let asOf = BusinessDate("2026-11-14")!

    static func start(
        seed: UInt64 = 42, faults: SandboxFaults = .none, clock: (@Sendable () -> Date)? = nil
    ) async throws -> SandboxServer {
        var options = SandboxOptions(seed: seed, asOf: asOf, faults: faults)
        if let clock { options.clock = clock }
        var logger = Logger(label: "sandbox-tests")
        logger.logLevel = .warning
        return try await SandboxServer.start(options, logger: logger)
    }

    /// Runs `body` against a fresh server and always stops it.
    static func withServer<Result>(
        seed: UInt64 = 42, faults: SandboxFaults = .none, clock: (@Sendable () -> Date)? = nil,
        _ body: (SandboxServer) async throws -> Result
    ) async throws -> Result {
        let server = try await start(seed: seed, faults: faults, clock: clock)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: Data

        var json: [String: Any] {
            get throws { try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any]) }
        }

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func get(_ url: String, headers: [String: String] = [:], followRedirects: Bool = true) async throws -> Reply {
        try await send(url, post: false, headers: headers, body: nil, followRedirects: followRedirects)
    }

    /// A POST with an `application/x-www-form-urlencoded` body.
    static func postForm(_ url: String, body: String, headers: [String: String] = [:]) async throws -> Reply {
        try await send(url, post: true, headers: headers.merging(["Content-Type": "application/x-www-form-urlencoded"]) { $1 },
                       body: Data(body.utf8))
    }

    static func post(_ url: String, json: [String: Any]) async throws -> Reply {
        try await send(url, post: true, headers: ["Content-Type": "application/json"],
                       body: try JSONSerialization.data(withJSONObject: json))
    }

    /// A client that reports redirects instead of following them, for the Shopee auth link.
    static let nonRedirectingClient = HTTPClient(
        eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))

    private static func send(_ url: String, post: Bool, headers: [String: String], body: Data?,
                             followRedirects: Bool = true) async throws -> Reply
    {
        var request = HTTPClientRequest(url: url)
        request.method = post ? .POST : .GET
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(Array(body)) }
        let client = followRedirects ? HTTPClient.shared : nonRedirectingClient
        let response = try await client.execute(request, timeout: .seconds(60))
        let buffer = try await response.body.collect(upTo: 64 << 20)
        var fields: [String: String] = [:]
        for header in response.headers { fields[header.name.lowercased()] = header.value }
        return Reply(status: Int(response.status.code), headers: fields, body: Data(buffer.readableBytesView))
    }

    /// A JSON integer from `JSONSerialization`, whatever box it arrives in.
    static func int64(_ value: Any?) -> Int64? {
        switch value {
        case let value as Int: Int64(value)
        case let value as Int64: value
        case let value as NSNumber: value.int64Value
        default: nil
        }
    }

    /// Percent-encodes a query value (everything but unreserved characters).
    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? value
    }

    static func query(_ parameters: [(String, String)]) -> String {
        parameters.map { "\($0.0)=\(encode($0.1))" }.joined(separator: "&")
    }
}

/// The tests' own Shopee v2 signer, written from the documentation (ecommerce-apis.md §1.3) and checked against its
/// worked example, independently of both the emulator and the connector.
struct TestShopeeSigner {
    let partnerID: Int64
    let partnerKey: String

    func sign(_ base: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(base.utf8), using: SymmetricKey(data: Data(partnerKey.utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }

    func shopSign(path: String, timestamp: Int64, accessToken: String, shopID: Int64) -> String {
        sign("\(partnerID)\(path)\(timestamp)\(accessToken)\(shopID)")
    }

    func publicSign(path: String, timestamp: Int64) -> String {
        sign("\(partnerID)\(path)\(timestamp)")
    }
}

/// A Shopee client for the tests: signs, sends and decodes.
struct TestShopeeClient {
    let credentials: ShopeeSandboxCredentials
    var accessToken = ""
    var refreshToken: String
    var clock: @Sendable () -> Date = { Date() }

    init(_ credentials: ShopeeSandboxCredentials) {
        self.credentials = credentials
        self.refreshToken = credentials.refreshToken
    }

    var signer: TestShopeeSigner { TestShopeeSigner(partnerID: credentials.partnerID, partnerKey: credentials.partnerKey) }
    var timestamp: Int64 { Int64(clock().timeIntervalSince1970) }

    /// Exchanges the current refresh token for new tokens, keeping both.
    mutating func refresh() async throws -> SandboxTest.Reply {
        let reply = try await refresh(with: refreshToken)
        let json = try reply.json
        if let access = json["access_token"] as? String, let refresh = json["refresh_token"] as? String {
            accessToken = access
            refreshToken = refresh
        }
        return reply
    }

    func refresh(with token: String) async throws -> SandboxTest.Reply {
        let path = "/api/v2/auth/access_token/get"
        let ts = timestamp
        let url = credentials.baseURL + path + "?" + SandboxTest.query([
            ("partner_id", String(credentials.partnerID)), ("timestamp", String(ts)),
            ("sign", signer.publicSign(path: path, timestamp: ts)),
        ])
        return try await SandboxTest.post(url, json: [
            "refresh_token": token, "partner_id": credentials.partnerID, "shop_id": credentials.shopID,
        ])
    }

    /// A signed shop-API GET; `sign` and `timestamp` can be overridden to provoke errors.
    func get(_ path: String, _ parameters: [(String, String)], sign: String? = nil, timestamp: Int64? = nil,
             token: String? = nil, headers: [String: String] = [:]) async throws -> SandboxTest.Reply
    {
        let ts = timestamp ?? self.timestamp
        let token = token ?? accessToken
        let signature = sign ?? signer.shopSign(path: path, timestamp: ts, accessToken: token, shopID: credentials.shopID)
        let common = [
            ("partner_id", String(credentials.partnerID)), ("timestamp", String(ts)), ("access_token", token),
            ("shop_id", String(credentials.shopID)), ("sign", signature),
        ]
        return try await SandboxTest.get(credentials.baseURL + path + "?" + SandboxTest.query(common + parameters),
                                         headers: headers)
    }
}

/// A clock the tests move by hand, for token-expiry and timestamp rules.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date()

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func advance(by seconds: TimeInterval) {
        lock.lock()
        current = current.addingTimeInterval(seconds)
        lock.unlock()
    }
}

extension Dictionary where Key == String, Value == Any {
    func object(_ key: String) throws -> [String: Any] { try #require(self[key] as? [String: Any]) }
    func array(_ key: String) throws -> [[String: Any]] { try #require(self[key] as? [[String: Any]]) }
    func string(_ key: String) throws -> String { try #require(self[key] as? String) }
}
