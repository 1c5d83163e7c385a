import Alerts
import Foundation
import OmnidashCore
import Testing

@Suite("Raised alerts")
struct RaisedAlertTests {
    @Test("a critical alert outranks a warning, so lists sort the worst first")
    func severityOrder() {
        #expect(RaisedAlert.Severity.warning < .critical)
        #expect(RaisedAlert.Severity.allCases.max() == .critical)
    }

    @Test("an alert survives the JSON it is handed over in, its business date included")
    func codableRoundTrip() throws {
        let alert = RaisedAlert(
            id: "roas_low_campaign|campaign:meta:1|2026-11-30", type: "roas_low", ruleID: "roas_low_campaign", severity: .warning,
            metricName: "roas", metricValue: 1.24, thresholdValue: 2, businessDate: BusinessDate("2026-11-30"),
            platform: "meta", campaignID: "1", subjectKey: "campaign:meta:1", subjectLabel: "Prospecting", provisional: true,
            raisedCount: 1, linkPath: "/ads", title: "ROAS below 2", description: "ROAS 1.24 over 7 days")
        let decoded = try JSONDecoder().decode(RaisedAlert.self, from: JSONEncoder().encode(alert))
        #expect(decoded == alert)
    }
}
