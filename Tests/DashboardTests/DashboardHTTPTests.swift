@testable import Dashboard
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import OmnidashCore
import OmnidashTestSupport
import Testing

/// The dashboard as an HTTP client sees it: methods, error formats and the request log, over the real router with
/// a warehouse that answers no rows (or fails).
@Suite("Dashboard HTTP")
struct DashboardHTTPTests {
    /// 5 December 2026, 13:00 in Bangkok.
    static let now = Date(timeIntervalSince1970: 1_796_450_400)

    /// The app over a stub warehouse, signed in (the accounts live in a throwaway SQLite warehouse, since the stub
    /// keeps nothing); its log is dropped unless a test captures it.
    func withApp(failing: Bool = false,
                 logger: Logger = Logger(label: "omnidash.dashboard.test") { _ in SwiftLogNoOpLogHandler() },
                 _ body: @escaping @Sendable (SignedInClient) async throws -> Void) async throws {
        try await withTestAccounts { accounts in
            let environment = DashboardEnvironment(warehouse: StubWarehouse(fails: failing), now: { Self.now }, logger: logger,
                                                   accounts: accounts)
            try await withSignedInClient(environment, body)
        }
    }

    // MARK: Methods

    @Test func headAnswersEveryPathLikeGetWithoutABody() async throws {
        try await withApp { client in
            for path in SiteRoute.allPaths + ["/?preset=last_7_days", "/executive.json?preset=yesterday"] {
                let get = try await client.execute(uri: path, method: .get) { $0 }
                let head = try await client.execute(uri: path, method: .head) { $0 }
                #expect(get.status == .ok, "GET \(path)")
                #expect(head.status == get.status, "HEAD \(path)")
                #expect(head.headers == get.headers, "HEAD \(path) carries GET's headers")
                #expect(head.headers[.contentLength] == String(get.body.readableBytes), "HEAD \(path) tells GET's length")
                #expect(head.body.readableBytes == 0, "HEAD \(path) has no body")
            }
        }
    }

    @Test func headOnAnErrorHasTheErrorsStatusAndNoBody() async throws {
        try await withApp { client in
            try await client.execute(uri: "/nowhere", method: .head) { response in
                #expect(response.status == .notFound)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/executive.json?from=bad", method: .head) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test func otherMethodsOnAnExistingPathAre405WithAllow() async throws {
        try await withApp { client in
            for path in SiteRoute.allPaths {
                let takesPost = SiteRoute.postPaths.contains(path)
                for method in [HTTPRequest.Method.post, .put, .delete, .patch, .options] where !(takesPost && method == .post) {
                    try await client.execute(uri: path, method: method) { response in
                        #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                        #expect(response.headers[.allow] == (takesPost ? "GET, HEAD, POST" : "GET, HEAD"), "\(method) \(path)")
                    }
                }
            }
            try await client.execute(uri: "/executive.json", method: .post) { response in
                #expect(response.headers[.contentType] == "application/json; charset=utf-8", "a 405 comes in the path's format too")
                #expect(Self.error(response.body)?.status == 405)
            }
            try await client.execute(uri: "/nowhere", method: .post) { response in
                #expect(response.status == .notFound, "an unknown path stays 404 whatever the method")
                #expect(response.headers[.allow] == nil)
            }
        }
    }

    // MARK: Error formats

    @Test func aBadRangeIsAnsweredInTheFormatAskedFor() async throws {
        try await withApp { client in
            try await client.execute(uri: "/executive.json?preset=custom&from=bad&to=2026-11-30", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let error = try #require(Self.error(response.body))
                #expect(error.status == 400)
                #expect(error.message == "The date range is not valid: custom range needs from=YYYY-MM-DD (got 'bad').")
            }
            try await client.execute(uri: "/executive.csv?preset=custom&from=bad&to=2026-11-30", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
                #expect(response.headers[.contentDisposition] == nil, "shown, not saved as a report")
                #expect(String(buffer: response.body) == "The date range is not valid: custom range needs from=YYYY-MM-DD (got 'bad').\n")
            }
            try await client.execute(uri: "/?preset=custom&from=bad&to=2026-11-30", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                expectContains(String(buffer: response.body), "<h1>400 Bad Request</h1>")
            }
            try await client.execute(uri: "/nowhere.json", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(Self.error(response.body)?.message == "There is no page at /nowhere.json.")
            }
        }
    }

    @Test func aWarehouseFailureIsA500InTheFormatAskedForWithoutItsDetail() async throws {
        try await withApp(failing: true) { client in
            for path in ["/executive.json", "/healthz"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .internalServerError, "\(path)")
                    #expect(response.headers[.contentType] == "application/json; charset=utf-8", "\(path)")
                    #expect(Self.error(response.body)?.message
                        == "Something went wrong reading the warehouse. The details are in the server log.")
                    expectSecurityHeaders(response.headers)
                }
            }
            try await client.execute(uri: "/executive.csv", method: .get) { response in
                #expect(response.status == .internalServerError)
                #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
            }
        }
    }

    @Test func datesOutsideTheWarehouseAre400NamingTheAllowedRange() async throws {
        try await withApp { client in
            try await client.execute(uri: "/executive.json?preset=custom&from=9999-01-01&to=9999-01-31", method: .get) { response in
                #expect(response.status == .badRequest)
                let message = try #require(Self.error(response.body)?.message)
                #expect(message.contains("dates must be from 2000-01-01 to 2060-12-31"), "\(message)")
            }
            try await client.execute(uri: "/?preset=custom&from=0001-01-01&to=0001-01-31", method: .get) { response in
                #expect(response.status == .badRequest)
                expectContains(String(buffer: response.body), "dates must be from 2000-01-01 to 2060-12-31")
                expectLacks(String(buffer: response.body), "Dec 0")
            }
        }
    }

    // MARK: Request log

    @Test func everyRequestIsOneInfoLineWithMethodPathStatusAndDuration() async throws {
        let log = CapturedLog()
        try await withApp(logger: log.logger) { client in
            _ = try await client.execute(uri: "/executive.json?preset=last_7_days", method: .get) { $0 }
            _ = try await client.execute(uri: "/", method: .head) { $0 }
            _ = try await client.execute(uri: "/executive.csv?from=bad", method: .get) { $0 }
            _ = try await client.execute(uri: "/", method: .post) { $0 }
            _ = try await client.execute(uri: "/nowhere", method: .get) { $0 }
        }
        let lines = log.entries.filter { $0.level == .info }.map(\.message)
        let expected = [
            "GET /executive.json?preset=last_7_days 200", "HEAD / 200", "GET /executive.csv?from=bad 400", "POST / 405",
            "GET /nowhere 404",
        ]
        #expect(lines.count == expected.count, "one line per request: \(lines)")
        for (line, start) in zip(lines, expected) {
            #expect(line.hasPrefix(start + " "), "\(line)")
            #expect(line.range(of: #" [0-9]+\.[0-9]ms$"#, options: .regularExpression) != nil, "ends with the duration: \(line)")
        }
    }

    @Test func theLogLineWritesTheDurationInMilliseconds() {
        #expect(RequestLogMiddleware<DashboardRequestContext>.line(method: .get, uri: "/executive.json?from=2026-11-01",
                                                                   status: .ok, duration: .microseconds(3_140))
            == "GET /executive.json?from=2026-11-01 200 3.1ms")
        #expect(RequestLogMiddleware<DashboardRequestContext>.line(method: .head, uri: "/", status: .notFound,
                                                                   duration: .seconds(2))
            == "HEAD / 404 2000.0ms")
    }

    // MARK: Helpers

    struct ErrorBody: Decodable, Equatable {
        var status: Int
        var message: String
    }

    /// The `error` object of a JSON error body, or `nil` when the body is not one.
    static func error(_ body: ByteBuffer) -> ErrorBody? {
        struct Document: Decodable { var error: ErrorBody }
        return (try? JSONDecoder().decode(Document.self, from: Data(buffer: body)))?.error
    }

    func expectSecurityHeaders(_ headers: HTTPFields, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(headers[.contentSecurityPolicy] == HTMLResponse.contentSecurityPolicy, sourceLocation: sourceLocation)
        #expect(headers[.xContentTypeOptions] == "nosniff", sourceLocation: sourceLocation)
        #expect(headers[.cacheControl] == "no-store", sourceLocation: sourceLocation)
    }
}
