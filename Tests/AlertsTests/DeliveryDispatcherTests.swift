import Foundation
import MetricsTestKit
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Warehouse
@testable import Alerts

/// The dispatcher against a real started Sandbox: LINE, Slack and SMTP over loopback, the delivery log in a real
/// warehouse.
@Suite("Alert delivery")
struct DeliveryDispatcherTests {
    @Test("one alert reaches LINE, Slack and e-mail in Thai, with the link to its page, and the log says delivered",
          arguments: WarehouseEngine.allCases)
    func deliversEverywhereInThai(engine: WarehouseEngine) async throws {
        try await DeliveryTest.withSandbox { server, credentials in
            try await withTestWarehouse(engine) { fixture in
                let dispatcher = DeliveryTest.dispatcher(credentials.settings(language: .th), warehouse: fixture.warehouse)
                #expect(dispatcher.channelNames == ["line", "slack", "email"])
                let outcomes = await dispatcher.deliver([DeliveryTest.roasAlert], now: Date())
                // Two LINE recipients, one webhook, one e-mail to both addresses.
                #expect(outcomes.count == 4)
                #expect(outcomes.allSatisfy { $0.delivered && $0.attempts == 1 && $0.error == nil }, "\(outcomes)")

                let link = "https://omnidash.example.co.th/ads?from=2026-11-23&to=2026-11-29&campaign=120001"
                let outbox = try await DeliveryTest.outbox(server)
                let pushes = try #require(outbox["line"])
                #expect(Set(pushes.compactMap { $0["to"] as? String }) == Set(credentials.line.to))
                let lineText = try #require(pushes.first?["text"] as? String)
                #expect(lineText.hasPrefix("วิกฤต: ROAS ต่ำกว่าเป้า"))
                #expect(lineText.contains("Retargeting – Year End"))
                #expect(lineText.contains("ROAS 1.24 เกณฑ์ 2.00"))
                #expect(lineText.contains("วันที่: 2026-11-29"))
                #expect(lineText.contains("ตัวเลขเบื้องต้น"))
                #expect(lineText.contains("ดูรายละเอียด: \(link)"))

                let slack = try #require(outbox["slack"]?.first)
                #expect((slack["text"] as? String)?.contains(link) == true)
                #expect(slack["blocks"] as? Int == 3)

                let email = try #require(outbox["email"]?.first)
                #expect(email["subject"] as? String
                    == "[Omnidash] วิกฤต: ROAS ต่ำกว่าเป้า – Retargeting – Year End (2026-11-29)")
                #expect((email["body"] as? String)?.contains(link) == true)
                #expect(email["to"] as? [String] == credentials.email.to)
                #expect(email["authenticated_as"] as? String == credentials.email.username)

                let rows = try await fixture.warehouse.query(SQLStatement(
                    "SELECT channel, target, status, attempts, response_code, error FROM alert_deliveries ORDER BY channel, target"))
                #expect(rows.map { $0.text("channel") } == ["email", "line", "line", "slack"])
                #expect(rows.allSatisfy { $0.text("status") == "delivered" && $0.int("attempts") == 1 && $0.optionalText("error") == nil })
                #expect(rows.map { $0.int("response_code") } == [250, 200, 200, 200])
                // The webhook's secret path stays out of the log.
                #expect(rows.last?.text("target") == server.baseURL)
            }
        }
    }

    @Test("in English the same alert reads in English; a worsened change shows percentages and its raise count")
    func deliversInEnglish() async throws {
        try await DeliveryTest.withSandbox { server, credentials in
            let outcomes = await DeliveryTest.dispatcher(credentials.settings(language: .en))
                .deliver([DeliveryTest.roasAlert, DeliveryTest.revenueAlert], now: Date())
            #expect(outcomes.count == 8 && outcomes.allSatisfy { $0.delivered })
            let outbox = try await DeliveryTest.outbox(server)
            let texts = try #require(outbox["line"]).compactMap { $0["text"] as? String }
            let revenue = try #require(texts.first { $0.hasPrefix("Warning: Revenue dropped") })
            #expect(revenue.contains("Value: revenue against the day before -60.0 %, threshold -20.0 %"))
            #expect(revenue.contains("Against the same weekday last week: -58.0 %"))
            #expect(revenue.contains("Worse than before (raised 2 times)"))
            #expect(revenue.contains("Details: https://omnidash.example.co.th/?from=2026-11-13&to=2026-11-20"))
            #expect(!revenue.contains("Provisional"))
            let subjects = try #require(outbox["email"]).compactMap { $0["subject"] as? String }
            #expect(subjects == ["[Omnidash] Critical: ROAS below target – Retargeting – Year End (2026-11-29)",
                                 "[Omnidash] Warning: Revenue dropped – All shops (2026-11-20)"])
        }
    }

    @Test("a wrong LINE token fails at once with LINE's message, is logged and counted as failed, and the other channels still deliver")
    func wrongLineTokenIsLogged() async throws {
        try await DeliveryTest.withSandbox { server, credentials in
            try await withTestWarehouse(.sqlite) { fixture in
                var settings = credentials.settings(language: .en)
                settings.line?.channelAccessToken = "revoked-token"
                let metrics = TestMetrics()
                let outcomes = await DeliveryTest.dispatcher(settings, warehouse: fixture.warehouse, metrics: metrics)
                    .deliver([DeliveryTest.roasAlert], now: Date())
                #expect(try metrics.expectCounter("omnidash_alerts_delivery_failures_total", [("channel", "line")]).totalValue == 2)
                #expect(try metrics.expectCounter("omnidash_alerts_delivered_total", [("channel", "slack")]).totalValue == 1)
                #expect(try metrics.expectCounter("omnidash_alerts_delivered_total", [("channel", "email")]).totalValue == 1)
                #expect(throws: (any Error).self) { try metrics.expectCounter("omnidash_alerts_delivered_total", [("channel", "line")]) }
                let line = outcomes.filter { $0.channel == "line" }
                #expect(line.count == 2)
                #expect(line.allSatisfy { !$0.delivered && $0.attempts == 1 && $0.responseCode == 401 })
                #expect(line.first?.error?.contains("Authentication failed. Confirm that the access token") == true)
                #expect(outcomes.filter { $0.channel != "line" }.allSatisfy { $0.delivered })

                let failed = try await fixture.warehouse.query(SQLStatement(
                    "SELECT alert_id, error, response_code, attempts FROM alert_deliveries WHERE channel = 'line' AND status = 'failed'"))
                #expect(failed.count == 2)
                #expect(failed.allSatisfy { $0.text("alert_id") == DeliveryTest.roasAlert.id && $0.int("response_code") == 401 })
                #expect(failed.first?.text("error").contains("Authentication failed") == true)
                let outboxNow = try await DeliveryTest.outbox(server)
                #expect(outboxNow["line"]?.isEmpty == true)
            }
        }
    }

    @Test("5xx and 429 answers are tried again until delivered; a 404 hook is given up on at once")
    func retriesServerErrors() async throws {
        try await DeliveryTest.withSandbox { server, credentials in
            var settings = credentials.settings(language: .en)
            settings.line?.to = [credentials.line.to[0]]
            settings.email = nil
            try await DeliveryTest.failNext(server, channel: "line", status: 503, count: 2)
            try await DeliveryTest.failNext(server, channel: "slack", status: 429, count: 1)
            let outcomes = await DeliveryTest.dispatcher(settings).deliver([DeliveryTest.roasAlert], now: Date())
            let line = try #require(outcomes.first { $0.channel == "line" })
            #expect(line.delivered && line.attempts == 3)
            let slack = try #require(outcomes.first { $0.channel == "slack" })
            #expect(slack.delivered && slack.attempts == 2)
            let outbox = try await DeliveryTest.outbox(server)
            // Retried, yet sent once each.
            #expect(outbox["line"]?.count == 1 && outbox["slack"]?.count == 1)

            settings.slack?.webhookURL = server.baseURL + "/services/T0000000000/B0000000000/unknown"
            let unknown = await DeliveryTest.dispatcher(settings).deliver([DeliveryTest.roasAlert], now: Date())
                .first { $0.channel == "slack" }
            #expect(unknown?.delivered == false && unknown?.attempts == 1 && unknown?.responseCode == 404)
            #expect(unknown?.error?.contains("no_service") == true)
        }
    }

    @Test("a service that stays down is given up on after the policy's attempts")
    func givesUpAfterMaxAttempts() async throws {
        try await DeliveryTest.withSandbox { server, credentials in
            var settings = credentials.settings(language: .en)
            settings.line = nil
            settings.email = nil
            try await DeliveryTest.failNext(server, channel: "slack", status: 500, count: 10)
            let outcome = await DeliveryTest.dispatcher(settings, retry: .fast).deliver([DeliveryTest.roasAlert], now: Date()).first
            #expect(outcome?.delivered == false && outcome?.attempts == DeliveryRetryPolicy.fast.maxAttempts)
            #expect(outcome?.responseCode == 500)
        }
    }

    @Test("delivering the same raise again is sent once: LINE's retry key answers 409, counted as delivered")
    func sameRaiseIsSentOnce() async throws {
        try await DeliveryTest.withSandbox { server, credentials in
            var settings = credentials.settings(language: .th)
            settings.slack = nil
            settings.email = nil
            let dispatcher = DeliveryTest.dispatcher(settings)
            _ = await dispatcher.deliver([DeliveryTest.roasAlert], now: Date())
            let again = await dispatcher.deliver([DeliveryTest.roasAlert], now: Date())
            #expect(again.allSatisfy { $0.delivered && $0.responseCode == 409 })
            let outboxNow = try await DeliveryTest.outbox(server)
            #expect(outboxNow["line"]?.count == 2)
            var worse = DeliveryTest.roasAlert
            worse.raisedCount = 2
            _ = await dispatcher.deliver([worse], now: Date())
            let outboxAfterWorse = try await DeliveryTest.outbox(server)
            #expect(outboxAfterWorse["line"]?.count == 4)
        }
    }

    @Test("no channel configured delivers nothing and logs nothing")
    func noChannels() async throws {
        let outcomes = await DeliveryTest.dispatcher(NotificationSettings()).deliver([DeliveryTest.roasAlert], now: Date())
        #expect(outcomes.isEmpty)
        #expect(await AlertDispatcher().deliver([DeliveryTest.roasAlert], now: Date()).isEmpty)
    }
}
