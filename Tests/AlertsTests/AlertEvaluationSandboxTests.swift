import Alerts
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Warehouse

/// The rules over a real Sandbox sync: the world plants one underperforming campaign and a marketplace outage every
/// 23 days, and the default rules must find exactly those.
@Suite("Alert evaluation over the Sandbox", .serialized)
struct AlertEvaluationSandboxTests {
    @Test("the default rules raise the planted campaign and outage days, nothing else, and a second evaluation raises nothing",
          arguments: WarehouseEngine.allCases)
    func plantedProblemsAreRaisedOnce(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 40)
            try await sandbox.syncAndTransform(window, into: fixture)
            let configuration = sandbox.configuration(warehouse: fixture.location)
            let evaluator = AlertEvaluator(warehouse: fixture.warehouse, configuration: configuration)
            let store = AlertStore(warehouse: fixture.warehouse)
            let now = Date()
            let raised = try await store.record(try await evaluator.evaluate(at: now), at: now)

            let world = sandbox.server.world
            let planted = world.underperformingCampaign
            let today = configuration.calendar.date(now)
            let outages = world.outageDays(from: today.adding(days: -configuration.alerts.lookbackDays), to: today.adding(days: -1))
            let summary = raised.map { "\($0.ruleID) \($0.subjectLabel) \($0.businessDate?.description ?? "-") \($0.metricValue ?? .nan)" }
            #expect(!outages.isEmpty)

            let campaignAlerts = raised.filter { $0.ruleID == "roas_low.campaign" }
            #expect(campaignAlerts.count == 1, "\(summary)")
            #expect(campaignAlerts.first?.subjectLabel == planted.name, "\(summary)")
            #expect((campaignAlerts.first?.metricValue ?? 9) < 2)
            #expect(campaignAlerts.first?.businessDate == sandbox.asOf.adding(days: -1))
            #expect(campaignAlerts.first?.provisional == true, "yesterday is still restating")

            let drops = raised.filter { $0.type == "revenue_drop" }
            #expect(Set(drops.compactMap(\.businessDate)) == Set(outages), "\(summary)")
            #expect(drops.allSatisfy { ($0.metricValue ?? 0) < -0.2 && ($0.comparisonValue ?? 0) < -0.2 })
            #expect(raised.count == campaignAlerts.count + drops.count, "nothing else: \(summary)")

            let stored = try await store.list()
            #expect(stored.count == raised.count)
            #expect(stored.allSatisfy { $0.alert.raisedCount == 1 && !$0.isAcknowledged })

            // Evaluating again (after another transform, say) finds the same alerts and raises none of them.
            let later = now.addingTimeInterval(600)
            let again = try await store.record(try await evaluator.evaluate(at: later), at: later)
            #expect(again.isEmpty, "\(again.map(\.title))")
            #expect(try await store.list().count == raised.count)
        }
    }
}
