@testable import Dashboard
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("HTMLResponse")
struct HTMLResponseTests {
    func app() -> some ApplicationProtocol {
        let router = Router()
        router.get("/page") { _, _ in HTMLResponse(.p { "<hi>" }) }
        router.get("/missing") { _, _ in HTMLResponse(.p { "Not found" }, status: .notFound) }
        router.get(RouterPath(SiteRoute.stylesheet.path)) { _, _ in AssetResponse(.stylesheet) }
        router.get(RouterPath(SiteRoute.script.path)) { _, _ in AssetResponse(.script) }
        return Application(router: router)
    }

    func expectSecurityHeaders(_ headers: HTTPFields, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(headers[.contentSecurityPolicy] == "default-src 'none'; style-src 'self'; script-src 'self'; "
            + "img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            sourceLocation: sourceLocation)
        #expect(headers[.xContentTypeOptions] == "nosniff", sourceLocation: sourceLocation)
        #expect(headers[.init("Referrer-Policy")!] == "no-referrer", sourceLocation: sourceLocation)
    }

    @Test func pagesAreHTMLWithSecurityHeadersAndNotCached() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/page", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(String(buffer: response.body) == "<p>&lt;hi&gt;</p>")
                expectSecurityHeaders(response.headers)
            }
            try await client.execute(uri: "/missing", method: .get) { response in
                #expect(response.status == .notFound)
                expectSecurityHeaders(response.headers)
            }
        }
    }

    @Test func assetsHaveTheirTypesAndCacheValidators() async throws {
        try await app().test(.router) { client in
            let eTag = try await client.execute(uri: SiteRoute.stylesheet.url, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(response.headers[.cacheControl] == "max-age=3600")
                #expect(String(buffer: response.body) == Assets.stylesheet)
                expectSecurityHeaders(response.headers)
                return try #require(response.headers[.eTag])
            }
            try await client.execute(uri: SiteRoute.stylesheet.url, method: .get, headers: [.ifNoneMatch: eTag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: SiteRoute.script.url, method: .get, headers: [.ifNoneMatch: eTag]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(String(buffer: response.body) == Assets.script)
            }
        }
    }

    @Test func eTagsAreStableAndDiffer() {
        #expect(AssetResponse.eTag(for: "") == "\"cbf29ce484222325\"")
        #expect(AssetResponse.Asset.stylesheet.eTag != AssetResponse.Asset.script.eTag)
    }
}
