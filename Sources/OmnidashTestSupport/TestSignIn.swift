import Dashboard
import Foundation
import Hummingbird
import HummingbirdTesting
import Warehouse

/// A signed-in user for a test: their session's cookie and CSRF token, made straight in the warehouse (no form, no
/// bcrypt wait), so every HTTP test can talk to the dashboard as the middleware requires.
public struct TestSession: Sendable {
    /// The password every test user gets.
    public static let password = "test-password-1"

    public let user: SignedInUser
    /// The `omnidash_session` cookie's value.
    public let token: String

    public var csrfToken: String { user.csrfToken }
    /// `omnidash_session=…`, for a `Cookie` header.
    public var cookieHeader: String { "omnidash_session=\(token)" }
    /// The `Cookie` header alone, for `client.execute(uri:method:headers:)`.
    public var headers: HTTPFields { [.cookie: cookieHeader] }

    /// Adds (or resets) user `name` with `role` and `TestSession.password`, and starts a session for them at `now`.
    public static func start(in warehouse: any Warehouse, name: String = "tester", role: UserRole = .analyst,
                             now: Date = Date()) async throws -> TestSession {
        try await start(in: TestSignIn.accounts(warehouse), name: name, role: role, now: now)
    }

    public static func start(in accounts: UserAccounts, name: String = "tester", role: UserRole = .analyst,
                             now: Date = Date()) async throws -> TestSession {
        try await accounts.replace(name: name, role: role, password: password, now: now)
        let session = try await accounts.startSession(name: name, role: role, now: now)
        return TestSession(user: session.user, token: session.token)
    }

    /// `application/x-www-form-urlencoded` text of `fields`, with this session's `csrf_token` added.
    public func form(_ fields: [(String, String)] = []) -> ByteBuffer {
        TestSignIn.form(fields + [("csrf_token", csrfToken)])
    }

    /// Headers for a form post: the cookie and the form's content type.
    public var formHeaders: HTTPFields {
        [.cookie: cookieHeader, .contentType: "application/x-www-form-urlencoded"]
    }
}

public enum TestSignIn {
    /// Accounts over `warehouse` at bcrypt's lowest cost, so tests do not wait a quarter of a second per hash.
    public static func accounts(_ warehouse: any Warehouse, throttle: SignInThrottle = SignInThrottle()) -> UserAccounts {
        UserAccounts(warehouse: warehouse, passwordCost: 4, throttle: throttle)
    }

    /// `a=1&b=2`, percent-encoded.
    public static func form(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let text = fields.map { name, value in
            "\(name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
        return ByteBuffer(string: text)
    }

    /// The value of `omnidash_session` a response sets, if it sets one.
    public static func sessionToken(in response: HTTPFields) -> String? {
        for value in response[values: .setCookie] {
            guard value.hasPrefix("omnidash_session=") else { continue }
            let token = value.dropFirst("omnidash_session=".count).prefix { $0 != ";" }
            return token.isEmpty ? nil : String(token)
        }
        return nil
    }
}

/// Runs `body` with accounts in a throwaway SQLite warehouse, for tests whose dashboard reads a stub warehouse,
/// which cannot keep sessions: pass them to `DashboardEnvironment(accounts:)`.
public func withTestAccounts<T>(_ body: (UserAccounts) async throws -> T) async throws -> T {
    try await withTestWarehouse(.sqlite) { fixture in try await body(TestSignIn.accounts(fixture.warehouse)) }
}

/// Serves `environment`'s dashboard to `body` through Hummingbird's router tester, signed in as a `role` user made
/// in `environment.accounts`: every request the client sends carries the session's cookie.
public func withSignedInClient<T: Sendable>(_ environment: DashboardEnvironment, role: UserRole = .analyst, name: String = "tester",
                                            _ body: @escaping @Sendable (SignedInClient) async throws -> T) async throws -> T {
    let session = try await TestSession.start(in: environment.accounts, name: name, role: role, now: environment.now())
    return try await buildApplication(host: "127.0.0.1", port: 0, environment: environment).test(.router) { client in
        try await body(SignedInClient(base: client, session: session))
    }
}

/// A test client that adds a session's cookie to every request (beside any cookie the request already has), so a
/// test written for the dashboard before sign-in reads its pages as a signed-in user.
public struct SignedInClient: TestClientProtocol {
    public let base: any TestClientProtocol
    public let session: TestSession

    public init(base: any TestClientProtocol, session: TestSession) {
        self.base = base
        self.session = session
    }

    public var port: Int? { base.port }

    public func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields,
                               body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        if let cookie = headers[.cookie] {
            if !cookie.contains("omnidash_session=") { headers[.cookie] = cookie + "; " + session.cookieHeader }
        } else {
            headers[.cookie] = session.cookieHeader
        }
        return try await base.executeRequest(uri: uri, method: method, headers: headers, body: body)
    }

    /// A request without the session, to see what a signed-out reader gets.
    public func signedOut(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:],
                          body: ByteBuffer? = nil) async throws -> TestResponse {
        try await base.executeRequest(uri: uri, method: method, headers: headers, body: body)
    }
}
