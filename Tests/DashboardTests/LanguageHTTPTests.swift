@testable import Dashboard
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import OmnidashCore
import OmnidashTestSupport
import Testing

/// How a request chooses its language over HTTP: `?lang=` (remembered in a cookie), the cookie, `Accept-Language`.
@Suite("Language over HTTP")
struct LanguageHTTPTests {
    /// The app over a stub warehouse, signed in.
    func withApp(_ body: @escaping @Sendable (SignedInClient) async throws -> Void) async throws {
        try await withTestAccounts { accounts in
            let environment = DashboardEnvironment(warehouse: StubWarehouse(), now: { DashboardHTTPTests.now },
                                                   logger: Logger(label: "omnidash.dashboard.test") { _ in SwiftLogNoOpLogHandler() },
                                                   accounts: accounts)
            try await withSignedInClient(environment, body)
        }
    }

    static let thaiBrowser: HTTPFields = [.acceptLanguage: "th-TH,th;q=0.9,en;q=0.8"]

    @Test func withoutAPreferenceEveryPageIsEnglish() async throws {
        try await withApp { client in
            for path in ["/", "/shops", "/products"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(String(buffer: response.body).hasPrefix("<!DOCTYPE html><html lang=\"en\">"), "\(path)")
                    #expect(response.headers[.setCookie] == nil, "\(path): nothing to remember")
                }
            }
        }
    }

    @Test func theParameterSetsTheCookieWhichThenChoosesThaiWithoutIt() async throws {
        try await withApp { client in
            let cookie = try await client.execute(uri: "/shops?preset=last_7_days&lang=th", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"th\">"))
                expectContains(html, "<h1>ผลงานร้านค้า</h1>")
                #expect(response.headers[.contentLanguage] == "th")
                let setCookie = try #require(response.headers[.setCookie])
                for part in ["omnidash_lang=th", "Path=/", "SameSite=Lax", "Max-Age=31536000", "HttpOnly"] {
                    #expect(setCookie.contains(part), "\(setCookie) lacks \(part)")
                }
                return try #require(setCookie.split(separator: ";").first.map(String.init))
            }
            for path in ["/", "/shops", "/products"] {
                try await client.execute(uri: path, method: .get, headers: [.cookie: cookie]) { response in
                    #expect(String(buffer: response.body).hasPrefix("<!DOCTYPE html><html lang=\"th\">"), "\(path)")
                    #expect(response.headers[.setCookie] == nil, "\(path): already remembered")
                }
            }
            // Switching back: the parameter beats the cookie, and the cookie follows.
            try await client.execute(uri: "/?lang=en", method: .get, headers: [.cookie: cookie]) { response in
                #expect(String(buffer: response.body).hasPrefix("<!DOCTYPE html><html lang=\"en\">"))
                #expect(response.headers[.setCookie]?.hasPrefix("omnidash_lang=en") == true)
            }
        }
    }

    @Test func aThaiBrowserGetsThaiAndTheCookieOverridesIt() async throws {
        try await withApp { client in
            try await client.execute(uri: "/products", method: .get, headers: Self.thaiBrowser) { response in
                let html = String(buffer: response.body)
                #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"th\">"))
                expectContains(html, "<h1>วิเคราะห์สินค้า</h1>")
            }
            var headers = Self.thaiBrowser
            headers[.cookie] = "omnidash_lang=en"
            try await client.execute(uri: "/products", method: .get, headers: headers) { response in
                #expect(String(buffer: response.body).hasPrefix("<!DOCTYPE html><html lang=\"en\">"))
            }
        }
    }

    @Test func anUnknownLanguageIsA400NamingTheAllowedValues() async throws {
        try await withApp { client in
            try await client.execute(uri: "/?lang=xx", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.setCookie] == nil)
                let html = String(buffer: response.body)
                expectContains(html, "<h1>400 Bad Request</h1>")
                expectContains(html, "The language is not valid: unknown language &#39;xx&#39;; use one of en, th.")
            }
            // The error page itself follows the browser, since the parameter could not choose.
            try await client.execute(uri: "/shops?lang=xx", method: .get, headers: Self.thaiBrowser) { response in
                #expect(response.status == .badRequest)
                let html = String(buffer: response.body)
                #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"th\">"))
                expectContains(html, "<h1>400 คำขอไม่ถูกต้อง</h1>")
                expectContains(html, "ภาษาไม่ถูกต้อง: ไม่รู้จักภาษา &#39;xx&#39; ใช้ได้เฉพาะ en, th")
            }
        }
    }

    @Test func errorPagesAreInTheReadersLanguageAndMachineErrorsInEnglish() async throws {
        try await withApp { client in
            try await client.execute(uri: "/nowhere", method: .get, headers: [.cookie: "omnidash_lang=th"]) { response in
                #expect(response.status == .notFound)
                let html = String(buffer: response.body)
                expectContains(html, "<h1>404 ไม่พบหน้านี้</h1>")
                expectContains(html, "<p>ไม่มีหน้าที่ /nowhere</p>")
            }
            try await client.execute(uri: "/?preset=custom&from=bad&to=2026-11-30", method: .get, headers: Self.thaiBrowser) { response in
                #expect(response.status == .badRequest)
                expectContains(String(buffer: response.body), "ช่วงวันที่ไม่ถูกต้อง: ช่วงวันที่กำหนดเองต้องมี from=YYYY-MM-DD (ได้รับ &#39;bad&#39;)")
            }
            try await client.execute(uri: "/executive.json?from=bad", method: .get, headers: Self.thaiBrowser) { response in
                #expect(DashboardHTTPTests.error(response.body)?.message
                    == "The date range is not valid: custom range needs from=YYYY-MM-DD (got 'bad').")
            }
        }
    }

    @Test func exportsAreTheSameInEveryLanguage() async throws {
        try await withApp { client in
            for path in ["/executive.csv", "/executive.json", "/shops.csv", "/products.json"] {
                let english = try await client.execute(uri: path, method: .get) { String(buffer: $0.body) }
                let thai = try await client.execute(uri: path, method: .get, headers: [.cookie: "omnidash_lang=th", .acceptLanguage: "th"]) {
                    String(buffer: $0.body)
                }
                #expect(english == thai, "\(path)")
                #expect(!thai.contains("ยอดขาย"), "\(path)")
            }
        }
    }
}
