import Foundation
@testable import omnidash
import OmnidashCore
import Testing

/// `alerts:` in `omnidash.yaml`: the seed's rules when absent, each key overriding only itself, typos named.
@Suite("Alert settings in the configuration file")
struct AlertSettingsFileTests {
    func load(_ text: String) throws -> OmnidashConfiguration {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("omnidash-alerts-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try ConfigurationLoader.load(try GlobalOptions.parse(["--config", path]))
    }

    func error(_ text: String) -> String {
        do {
            let configuration = try load(text)
            try configuration.validate(requiringSources: false)
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test("without an alerts section the seed's rules apply: ROAS below 2, revenue down 20 %, CPA over ฿500")
    func defaults() throws {
        let alerts = try load("timezone: Asia/Bangkok\n").alerts
        #expect(alerts == AlertSettings())
        #expect(alerts.lookbackDays == 30)
        #expect(alerts.rule(.roasLow).threshold == 2)
        #expect(alerts.rule(.roasLow).minSpend == 1_000)
        #expect(alerts.rule(.roasLow).levels == [.platform, .campaign])
        #expect(alerts.rule(.revenueDrop).threshold == 20)
        #expect(alerts.rule(.cpaHigh).threshold == 500)
        #expect(alerts.rule(.sourceStale).threshold == 24)
        #expect(alerts.rule(.syncFailed).threshold == 2)
        #expect(alerts.rule(.tokenExpiring).threshold == 7)
        #expect(alerts.rules.allSatisfy { $0.enabled })
    }

    @Test("a rule's keys override only themselves")
    func partialOverride() throws {
        let alerts = try load("""
            alerts:
              lookback_days: 14
              rules:
                cpa_high:
                  threshold: 650
                  severity: critical
                roas_low:
                  levels: [campaign]
                sync_failed:
                  enabled: false
            """).alerts
        #expect(alerts.lookbackDays == 14)
        #expect(alerts.rule(.cpaHigh).threshold == 650)
        #expect(alerts.rule(.cpaHigh).severity == "critical")
        #expect(alerts.rule(.cpaHigh).minSpend == 1_000)
        #expect(alerts.rule(.roasLow).levels == [.campaign])
        #expect(alerts.rule(.roasLow).threshold == 2)
        #expect(alerts.rule(.syncFailed).enabled == false)
        #expect(alerts.rule(.revenueDrop) == AlertRule.defaults(.revenueDrop))
    }

    @Test("an unknown rule, or a key its rule does not read, is named with its path")
    func unknownKeys() {
        let problem = error("""
            alerts:
              rules:
                roas_lwo:
                  threshold: 2
                source_stale:
                  min_spend: 100
            """)
        #expect(problem.contains("alerts.rules.roas_lwo: unknown key"), "\(problem)")
        #expect(problem.contains("alerts.rules.source_stale.min_spend: unknown key"), "\(problem)")
    }

    @Test("thresholds that cannot work are problems, each with its path")
    func problems() {
        let problem = error("""
            alerts:
              lookback_days: 0
              rules:
                roas_low:
                  threshold: -1
                revenue_drop:
                  threshold: 120
                cpa_high:
                  severity: loud
                  levels: []
            """)
        #expect(problem.contains("alerts.lookback_days: 0 must be 1…366"), "\(problem)")
        #expect(problem.contains("alerts.rules.roas_low.threshold: -1.0 must be more than 0"), "\(problem)")
        #expect(problem.contains("alerts.rules.revenue_drop.threshold: 120.0 must be a percentage between 0 and 100"), "\(problem)")
        #expect(problem.contains("alerts.rules.cpa_high.severity: 'loud' is not warning or critical"), "\(problem)")
        #expect(problem.contains("alerts.rules.cpa_high.levels: list platform, campaign or both"), "\(problem)")
    }
}
