@testable import Dashboard
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import OmnidashCore
import OmnidashTestSupport
import Synchronization
import Testing

/// Sign-in as a browser and a script meet it: redirects and 401s without a session, the form, the cookie, CSRF,
/// sign-out, expiry and the lock after repeated wrong passwords. The pages read a stub warehouse; the accounts live
/// in a real SQLite warehouse.
@Suite("Sign-in over HTTP")
struct SignInHTTPTests {
    /// A clock a test moves forward.
    final class Clock: Sendable {
        private let value = Mutex(DashboardHTTPTests.now)
        var now: Date { value.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { value.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    func withApp(settings: OmnidashConfiguration.DashboardSettings = .init(), clock: Clock = Clock(),
                 _ body: @escaping @Sendable (SignedInClient, UserAccounts) async throws -> Void) async throws {
        try await withTestAccounts { accounts in
            let environment = DashboardEnvironment(warehouse: StubWarehouse(), now: { clock.now },
                                                   logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() },
                                                   settings: settings, accounts: accounts)
            try await withSignedInClient(environment) { client in try await body(client, accounts) }
        }
    }

    func signIn(_ client: SignedInClient, user: String = "tester", password: String = TestSession.password,
                next: String? = nil, headers: HTTPFields = form) async throws -> TestResponse {
        try await client.signedOut(uri: "/sign-in", method: .post, headers: headers,
                                   body: TestSignIn.form([("user", user), ("password", password)] + (next.map { [("next", $0)] } ?? [])))
    }

    @Test func withoutASessionPagesRedirectToSignInAndDataIs401() async throws {
        try await withApp { client, _ in
            let page = try await client.signedOut(uri: "/shops?preset=last_7_days", method: .get)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/sign-in?next=%2Fshops%3Fpreset%3Dlast_7_days")
            for path in ["/executive.json", "/executive.csv", "/products.json"] {
                let data = try await client.signedOut(uri: path, method: .get)
                #expect(data.status == .unauthorized, "\(path)")
                #expect(!String(buffer: data.body).contains("<html"), "\(path) answers in its own format")
            }
            let json = try await client.signedOut(uri: "/executive.json", method: .get)
            #expect(DashboardHTTPTests.error(json.body) == .init(status: 401, message: "Sign in to see /executive.json."))
            let forged = try await client.signedOut(uri: "/executive.json", method: .get, headers: [.cookie: "omnidash_session=made-up"])
            #expect(forged.status == .unauthorized, "an unknown token is no session")
            for path in ["/healthz", "/sign-in", SiteRoute.stylesheet.path, SiteRoute.favicon.path] {
                let answer1 = try await client.signedOut(uri: path, method: .get)
                #expect(answer1.status == .ok, "\(path) is open")
            }
            let answer2 = try await client.signedOut(uri: "/health", method: .get)
            #expect(answer2.status != .ok, "the health check moved to /healthz")
        }
    }

    @Test func theRightPasswordSetsAnHttpOnlyCookieAndReturnsToThePageAsked() async throws {
        try await withApp { client, _ in
            let form = try await client.signedOut(uri: "/sign-in?next=%2Fshops%3Fpreset%3Dyesterday&lang=th", method: .get)
            let html = String(buffer: form.body)
            #expect(html.contains(#"name="next" value="/shops?preset=yesterday""#))
            #expect(html.contains("เข้าสู่ระบบ") && html.contains(#"type="password""#))
            #expect(!html.contains("site-nav"), "no navigation before signing in")

            let response = try await signIn(client, next: "/shops?preset=yesterday")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/shops?preset=yesterday")
            let cookie = try #require(response.headers[.setCookie])
            for part in ["omnidash_session=", "HttpOnly", "SameSite=Lax", "Path=/"] { #expect(cookie.contains(part), "\(cookie)") }
            #expect(!cookie.contains("Secure"), "plain HTTP on loopback: a Secure cookie would never come back")
            let token = try #require(TestSignIn.sessionToken(in: response.headers))
            let page = try await client.signedOut(uri: "/executive.json", method: .get, headers: [.cookie: "omnidash_session=\(token)"])
            #expect(page.status == .ok)
            let answer3 = try await signIn(client, next: "https://elsewhere.example/")
            #expect(answer3.headers[.location] == "/", "never sent off-site")
        }
    }

    @Test func behindHTTPSTheCookieIsSecure() async throws {
        try await withApp(settings: .init(publicURL: "https://dash.example.com")) { client, _ in
            let response = try await signIn(client)
            #expect(response.headers[.setCookie]?.contains("Secure") == true)
        }
    }

    @Test func aWrongPasswordAndAnUnknownNameGetTheSameAnswer() async throws {
        try await withApp { client, _ in
            let wrong = try await signIn(client, password: "not-the-password")
            let unknown = try await signIn(client, user: "nobody", password: "not-the-password")
            for response in [wrong, unknown] {
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie] == nil)
                #expect(String(buffer: response.body).contains("The user name or password is wrong."))
            }
        }
    }

    @Test func repeatedWrongPasswordsSlowDownThenLockEvenTheRightOne() async throws {
        let clock = Clock()
        try await withApp(clock: clock) { client, _ in
            let answer4 = try await signIn(client, password: "wrong-1")
            #expect(answer4.status == .unauthorized)
            let tooSoon = try await signIn(client)
            #expect(tooSoon.status == .tooManyRequests, "a second try within the wait is refused unchecked")
            #expect(tooSoon.headers[.retryAfter] == "1")
            for attempt in 2...5 {
                clock.advance(60)
                let answer5 = try await signIn(client, password: "wrong-\(attempt)")
                #expect(answer5.status == .unauthorized)
            }
            clock.advance(60)
            let locked = try await signIn(client)
            #expect(locked.status == .tooManyRequests, "five failures lock the name")
            #expect(String(buffer: locked.body).contains("Too many failed attempts"))
            let answer6 = try await signIn(client, user: "TESTER")
            #expect(answer6.status == .tooManyRequests, "the lock ignores case")
            clock.advance(15 * 60)
            let answer7 = try await signIn(client)
            #expect(answer7.status == .seeOther, "the lock ends after 15 minutes")
        }
    }

    @Test func aSignInPostFromAnotherSiteIsRefused() async throws {
        try await withApp { client, _ in
            var headers = Self.form
            headers[.origin] = "https://attacker.example"
            let answer8 = try await signIn(client, headers: headers)
            #expect(answer8.status == .forbidden)
            headers = Self.form
            headers[.init("Sec-Fetch-Site")!] = "cross-site"
            let answer9 = try await signIn(client, headers: headers)
            #expect(answer9.status == .forbidden)
        }
    }

    @Test func aPostWithoutTheSessionsCSRFTokenIs403() async throws {
        try await withApp { client, _ in
            let session = client.session
            let missing = try await client.execute(uri: "/sign-out", method: .post, headers: session.formHeaders, body: TestSignIn.form([]))
            #expect(missing.status == .forbidden)
            let wrong = try await client.execute(uri: "/sign-out", method: .post, headers: session.formHeaders,
                                                 body: TestSignIn.form([("csrf_token", "guess")]))
            #expect(wrong.status == .forbidden)
            let answer10 = try await client.execute(uri: "/executive.json", method: .get)
            #expect(answer10.status == .ok, "the session survives both")
            let page = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(page.contains(#"name="csrf_token" value="\#(session.csrfToken)""#), "the sign-out form carries the token")
            #expect(page.contains("Signed in as tester"))
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        try await withApp { client, _ in
            let session = client.session
            let response = try await client.execute(uri: "/sign-out", method: .post, headers: session.formHeaders, body: session.form())
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/sign-in")
            #expect(response.headers[.setCookie]?.contains("Max-Age=0") == true)
            let after = try await client.execute(uri: "/shops", method: .get)
            #expect(after.status == .seeOther, "the old cookie no longer signs in")
            let answer11 = try await client.execute(uri: "/shops.json", method: .get)
            #expect(answer11.status == .unauthorized)
        }
    }

    @Test func anExpiredSessionIsRefused() async throws {
        let clock = Clock()
        try await withApp(clock: clock) { client, accounts in
            let answer12 = try await client.execute(uri: "/executive.json", method: .get)
            #expect(answer12.status == .ok)
            clock.advance(accounts.sessionIdleLifetime + 1)
            let answer13 = try await client.execute(uri: "/executive.json", method: .get)
            #expect(answer13.status == .unauthorized)
            let answer14 = try await client.execute(uri: "/", method: .get)
            #expect(answer14.status == .seeOther)
        }
    }
}
