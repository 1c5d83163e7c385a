import Alerts
@testable import Dashboard
import Foundation
import Hummingbird
import HummingbirdTesting
import OmnidashCore
import OmnidashTestSupport
import Testing
import Warehouse

/// The Alerts page over the real router and a real warehouse: it lists what the store holds, its exports carry the
/// same alerts, and its forms acknowledge and snooze with the session's CSRF token.
@Suite("Alerts page")
struct AlertsPageTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-30, Bangkok

    static func findings() -> [RaisedAlert] {
        [RaisedAlert(id: "roas_low-00000000000000aa", type: "roas_low", ruleID: "roas_low.campaign", severity: .warning,
                     metricName: "roas", metricValue: 1.24, thresholdValue: 2, businessDate: BusinessDate("2026-11-29"),
                     platform: "platform_a", campaignID: "c9", subjectKey: "campaign:platform_a:c9", subjectLabel: "Broad video prospecting",
                     provisional: true, raisedCount: 1, linkPath: "/ads?preset=custom&from=2026-11-23&to=2026-11-29",
                     title: "ROAS 1.24 below 2.00: Broad video prospecting", description: "…"),
         RaisedAlert(id: "revenue_drop-00000000000000bb", type: "revenue_drop", ruleID: "revenue_drop", severity: .critical,
                     metricName: "revenue_change", metricValue: -0.6, thresholdValue: -0.2, comparisonValue: -0.55,
                     businessDate: BusinessDate("2026-11-20"), platform: nil, campaignID: nil, subjectKey: "total",
                     subjectLabel: "All shops", provisional: false, raisedCount: 1, linkPath: "/?preset=custom&from=2026-11-13&to=2026-11-20",
                     title: "Revenue down 60 % on 2026-11-20", description: "…")]
    }

    func withApp(_ body: @escaping @Sendable (SignedInClient, AlertStore) async throws -> Void) async throws {
        try await withTestWarehouse(.sqlite) { fixture in
            let store = AlertStore(warehouse: fixture.warehouse)
            _ = try await store.record(Self.findings(), at: Self.now)
            let environment = DashboardEnvironment(warehouse: fixture.warehouse, now: { Self.now },
                                                   accounts: TestSignIn.accounts(fixture.warehouse))
            try await withSignedInClient(environment) { client in try await body(client, store) }
        }
    }

    @Test("the page shows each alert with its severity, subject, value against threshold, provisional badge and link")
    func pageListsTheAlerts() async throws {
        try await withApp { client, _ in
            try await client.execute(uri: "/alerts", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("Broad video prospecting"))
                #expect(html.contains("ROAS 1.24×, below 2.00×") || html.contains("ROAS 1.24"), "\(html.prefix(200))")
                #expect(html.contains("Critical"))
                #expect(html.contains("Provisional"))
                #expect(html.contains("href=\"/ads?preset=custom&amp;from=2026-11-23&amp;to=2026-11-29\""))
                #expect(html.contains("action=\"/alerts/ack\""))
                #expect(html.contains("name=\"csrf_token\" value=\"\(client.session.csrfToken)\""))
            }
            try await client.execute(uri: "/alerts?severity=critical", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(!html.contains("Broad video prospecting"))
                #expect(html.contains("data-alert-id=\"revenue_drop-00000000000000bb\""))
            }
            try await client.execute(uri: "/alerts?severity=loud", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/alerts?lang=th", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("การแจ้งเตือน"))
                #expect(html.contains("ทุกร้านค้ารวมกัน"))
                #expect(!html.contains("All shops"))
            }
        }
    }

    @Test("the CSV and JSON carry the same alerts")
    func exportsCarryTheAlerts() async throws {
        try await withApp { client, _ in
            try await client.execute(uri: "/alerts.csv", method: .get) { response in
                let lines = String(buffer: response.body).split(separator: "\r\n")
                #expect(lines.count == 3)
                #expect(lines[0].hasPrefix("alert_id,affected_date,alert_type"))
                #expect(lines.contains { $0.hasPrefix("roas_low-00000000000000aa,2026-11-29,roas_low,roas_low.campaign,warning") })
            }
            try await client.execute(uri: "/alerts.json", method: .get) { response in
                let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let alerts = try #require(object?["alerts"] as? [[String: Any]])
                #expect(alerts.count == 2)
                #expect(alerts.contains { $0["alert_id"] as? String == "revenue_drop-00000000000000bb" && $0["metric_value"] as? Double == -0.6 })
            }
        }
    }

    @Test("acknowledging records the signed-in person; a post without the CSRF token changes nothing")
    func acknowledgeAndSnooze() async throws {
        try await withApp { client, store in
            let id = "roas_low-00000000000000aa"
            try await client.execute(uri: "/alerts/ack", method: .post,
                                     headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: TestSignIn.form([("id", id)])) { response in
                #expect(response.status == .forbidden)
            }
            #expect(try await store.alert(id)?.isAcknowledged == false)

            try await client.execute(uri: "/alerts/ack", method: .post, headers: client.session.formHeaders,
                                     body: client.session.form([("id", id), ("next", "/alerts?status=open")])) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/alerts?status=open")
            }
            let acknowledged = try #require(try await store.alert(id))
            #expect(acknowledged.acknowledgedBy == client.session.user.name)
            #expect(acknowledged.acknowledgedAt == Self.now)

            try await client.execute(uri: "/alerts/snooze", method: .post, headers: client.session.formHeaders,
                                     body: client.session.form([("id", id), ("hours", "72")])) { response in
                #expect(response.status == .seeOther)
            }
            #expect(try await store.alert(id)?.snoozedUntil == Self.now.addingTimeInterval(72 * 3_600))

            try await client.execute(uri: "/alerts/ack", method: .post, headers: client.session.formHeaders,
                                     body: client.session.form([("id", "nope")])) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/alerts?status=acknowledged", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Acknowledged by \(client.session.user.name)"))
                #expect(!html.contains("revenue_drop-00000000000000bb"))
            }
        }
    }

    @Test("the Thai page leaves no English word outside the alerts' names")
    func thaiPageHasNoEnglishLeft() throws {
        let filters = try DashboardFilters(query: ["preset": "last_30_days"], today: BusinessDate("2026-11-30")!)
        let stored = Self.findings().map { StoredAlert(alert: $0, generatedAt: Self.now, lastRaisedAt: Self.now, updatedAt: Self.now) }
        var acknowledged = stored
        acknowledged[1].acknowledgedAt = Self.now
        acknowledged[1].acknowledgedBy = "somchai"
        acknowledged[1].alert.raisedCount = 2
        let model = AlertsPage.Model(filters: filters, asOf: Self.now, alerts: acknowledged, platforms: ["platform_a"])
        let html = AlertsPage.view(model, language: .th).render()
        let words = VisibleText.englishWords(in: html, data: ["Broad video prospecting", "somchai", "platform_a"])
        #expect(words.isEmpty, "\(words.sorted())")
        #expect(html.contains("ROAS 1.24"))
        #expect(html.contains("ค่าชั่วคราว"))
        #expect(html.contains("แจ้งแล้ว 2 ครั้ง"))
    }
}
