import Dashboard
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Warehouse

/// Every page, served from marts built from the Sandbox, loaded in headless Chromium at a phone's width and a
/// desktop's, in both languages: no console error (script, CSP or a missing file), no sideways scrolling of the
/// page, and every chart drawn. The screenshots are kept under `.build/test-output/browser/` for a person to look at.
@Suite("Pages in a real browser", .serialized)
struct PagesInChromiumTests {
    static let widths = [390, 1440]
    static let languages = ["en", "th"]

    @Test("every page loads without a console error, fits the width and draws its charts")
    func everyPageInChromium() async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(.sqlite) { fixture in
            try await sandbox.syncAndTransform(sandbox.window(days: 21), into: fixture)
            let range = sandbox.window(days: 14)
            let best = try await fixture.warehouse.scalar(
                "SELECT sku_master FROM mart_product_performance GROUP BY sku_master ORDER BY sum(total_revenue_minor) DESC LIMIT 1").string ?? ""
            let dates = "preset=custom&from=\(range.start)&to=\(range.end)"
            let planted = sandbox.server.world.underperformingCampaign
            let paths = ["/?\(dates)", "/?\(dates)&platform=tiktok", "/shops?\(dates)", "/shops?\(dates)&platform=shopee", "/products?\(dates)",
                         "/products?\(dates)&sku=\(best)", "/ads?\(dates)", "/ads?\(dates)&platform=google",
                         "/ads-facebook?\(dates)&campaign=\(planted.id)", "/ads-google?\(dates)", "/ads-others?\(dates)",
                         "/website?\(dates)", "/attribution?\(dates)", "/attribution?\(dates)&platform=facebook",
                         "/alerts?\(dates)", "/operations?\(dates)"]
            let port = ResultBox<Int?>(nil)
            let environment = DashboardEnvironment(warehouse: fixture.warehouse, now: { Date() },
                                                   accounts: TestSignIn.accounts(fixture.warehouse))
            let signedIn = try await TestSession.start(in: environment.accounts)
            let app = buildApplication(host: "127.0.0.1", port: 0, environment: environment) { port.set($0) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await app.runService() }
                while port.get() == nil { try await Task.sleep(for: .milliseconds(20)) }
                let base = "http://127.0.0.1:\(port.get()!)"
                let chromium = try HeadlessChromium()
                defer { chromium.stop() }
                let output = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().appendingPathComponent(".build/test-output/browser")
                try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
                let problems = try await DevToolsSession.with(chromium.webSocketURL) { session in
                    // Every tab opens signed in: the browser holds the session cookie as if the form had set it.
                    _ = try await session.send("Storage.setCookies", ["cookies": [[
                        "name": "omnidash_session", "value": signedIn.token, "url": base, "httpOnly": true, "sameSite": "Lax",
                    ] as [String: any Sendable]]])
                    var problems: [String] = []
                    for language in Self.languages {
                        for path in paths {
                            for width in Self.widths {
                                let url = base + path + "&lang=\(language)"
                                let page = path.split(separator: "?")[0].replacingOccurrences(of: "/", with: "")
                                let name = "\(page.isEmpty ? "overview" : page)"
                                    + (path.contains("sku=") ? "-detail" : path.split(separator: "platform=").dropFirst().first.map { "-\($0)" } ?? "")
                                    + "-\(language)-\(width)"
                                problems += try await Self.check(url, width: width, session: session,
                                                                 screenshot: output.appendingPathComponent("\(name).png"))
                            }
                        }
                    }
                    return problems
                }
                #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
                group.cancelAll()
            }
        }
    }

    /// Loads `url` in a fresh tab `width` pixels wide and returns what is wrong with it, each problem naming the page.
    static func check(_ url: String, width: Int, session: DevToolsSession, screenshot: URL) async throws -> [String] {
        let target = DevToolsSession.object(try await session.send("Target.createTarget", ["url": "about:blank"]))
        let targetID = target["targetId"] as? String ?? ""
        let attached = DevToolsSession.object(try await session.send("Target.attachToTarget", ["targetId": targetID, "flatten": true]))
        let page = attached["sessionId"] as? String ?? ""
        for method in ["Page.enable", "Runtime.enable", "Log.enable"] { _ = try await session.send(method, sessionID: page) }
        _ = try await session.send("Emulation.setDeviceMetricsOverride",
                                   ["width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600], sessionID: page)
        let before = await session.events.count
        _ = try await session.send("Page.navigate", ["url": url], sessionID: page)
        _ = try await session.waitForEvent("Page.loadEventFired", sessionID: page, after: before)
        // The page's own script (table sorting) runs on DOMContentLoaded; give it a moment to throw, if it would.
        try await Task.sleep(for: .milliseconds(200))
        let facts = DevToolsSession.object(try await session.send("Runtime.evaluate", [
            "returnByValue": true,
            "expression": """
                JSON.stringify({
                  overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                  charts: document.querySelectorAll('figure.chart').length,
                  drawn: Array.from(document.querySelectorAll('figure.chart')).filter(c => c.querySelector('.bar, .line')).length,
                  lang: document.documentElement.lang,
                  headers: document.querySelectorAll('main .page-header').length
                })
                """,
        ], sessionID: page))
        let value = DevToolsSession.object(((facts["result"] as? [String: Any])?["value"] as? String) ?? "{}")
        var problems: [String] = []
        let label = "\(url) at \(width) px"
        if let overflow = value["overflow"] as? Int, overflow > 0 { problems.append("\(label): the page scrolls sideways by \(overflow) px") }
        if (value["charts"] as? Int) != (value["drawn"] as? Int) {
            problems.append("\(label): \(value["drawn"] ?? 0) of \(value["charts"] ?? 0) charts drawn")
        }
        // Every page opens with its header; an error page has none.
        if (value["headers"] as? Int ?? 0) == 0 { problems.append("\(label): no page header; the page did not render") }
        let language = url.hasSuffix("lang=th") ? "th" : "en"
        if value["lang"] as? String != language { problems.append("\(label): <html lang> is \(value["lang"] ?? "missing"), not \(language)") }
        for event in await session.events[before...] where event.contains(page) {
            let object = DevToolsSession.object(event)
            let params = object["params"] as? [String: Any] ?? [:]
            switch object["method"] as? String {
            case "Runtime.exceptionThrown":
                problems.append("\(label): script exception \((params["exceptionDetails"] as? [String: Any])?["text"] ?? "")")
            case "Runtime.consoleAPICalled" where ["error", "assert"].contains(params["type"] as? String ?? ""):
                problems.append("\(label): console error \(params["args"] ?? "")")
            case "Log.entryAdded":
                let entry = params["entry"] as? [String: Any] ?? [:]
                if entry["level"] as? String == "error" { problems.append("\(label): \(entry["text"] ?? "") \(entry["url"] ?? "")") }
            default: break
            }
        }
        let shot = DevToolsSession.object(try await session.send("Page.captureScreenshot", ["format": "png", "captureBeyondViewport": true],
                                                                 sessionID: page))
        if let data = (shot["data"] as? String).flatMap({ Data(base64Encoded: $0) }) { try data.write(to: screenshot) }
        _ = try await session.send("Target.closeTarget", ["targetId": targetID])
        return problems
    }
}
