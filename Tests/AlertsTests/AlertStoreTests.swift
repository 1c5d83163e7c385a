import Alerts
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Testing
import Warehouse

@Suite("Alert store")
struct AlertStoreTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    static func roas(_ value: Double, provisional: Bool = false, date: String = "2026-11-30") -> RaisedAlert {
        RaisedAlert(id: "roas_low-0000000000000001", type: "roas_low", ruleID: "roas_low.campaign", severity: .warning,
                    metricName: "roas", metricValue: value, thresholdValue: 2, businessDate: BusinessDate(date),
                    platform: "ads_platform_a", campaignID: "c1", subjectKey: "campaign:ads_platform_a:c1",
                    subjectLabel: "Broad video", provisional: provisional, raisedCount: 1, linkPath: "/ads",
                    title: "ROAS \(value) below 2", description: "…")
    }

    @Test("a finding is raised once; the same or a better figure raises nothing; a worse one raises it again",
          arguments: WarehouseEngine.allCases)
    func raisedAgainOnlyWhenWorse(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            let store = AlertStore(warehouse: fixture.warehouse)
            let first = try await store.record([Self.roas(1.3)], at: Self.now)
            #expect(first.map(\.raisedCount) == [1])
            #expect(try await store.record([Self.roas(1.3)], at: Self.now.addingTimeInterval(60)).isEmpty)
            #expect(try await store.record([Self.roas(1.5)], at: Self.now.addingTimeInterval(120)).isEmpty, "better is not news")

            let worse = try await store.record([Self.roas(1.1)], at: Self.now.addingTimeInterval(180))
            #expect(worse.map(\.raisedCount) == [2])
            let stored = try #require(try await store.alert(Self.roas(1.1).id))
            #expect(stored.alert.raisedCount == 2)
            #expect(stored.alert.metricValue == 1.1)
            #expect(stored.lastRaisedAt == Self.now.addingTimeInterval(180))
            #expect(stored.generatedAt == Self.now)
            #expect(try await store.list().count == 1)
        }
    }

    @Test("an acknowledgement records who and when and stays through re-evaluation", arguments: WarehouseEngine.allCases)
    func acknowledgementSticks(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            let store = AlertStore(warehouse: fixture.warehouse)
            _ = try await store.record([Self.roas(1.3)], at: Self.now)
            #expect(try await store.acknowledge(Self.roas(1.3).id, by: "somchai", at: Self.now.addingTimeInterval(30)))
            #expect(try await store.acknowledge("no-such-alert", by: "somchai", at: Self.now) == false)
            _ = try await store.record([Self.roas(1.3, provisional: false)], at: Self.now.addingTimeInterval(600))
            let stored = try #require(try await store.alert(Self.roas(1.3).id))
            #expect(stored.isAcknowledged)
            #expect(stored.acknowledgedBy == "somchai")
            #expect(stored.acknowledgedAt == Self.now.addingTimeInterval(30))
            #expect(try await store.list(AlertFilter(status: .open)).isEmpty)
            #expect(try await store.list(AlertFilter(status: .acknowledged)).count == 1)
        }
    }

    @Test("a snoozed alert is not raised again while snoozed, even worse; after the snooze a worse figure raises it",
          arguments: WarehouseEngine.allCases)
    func snoozeSuppressesReRaising(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            let store = AlertStore(warehouse: fixture.warehouse)
            _ = try await store.record([Self.roas(1.3)], at: Self.now)
            #expect(try await store.snooze(Self.roas(1.3).id, until: Self.now.addingTimeInterval(3_600)))
            #expect(try await store.record([Self.roas(1.0)], at: Self.now.addingTimeInterval(60)).isEmpty)
            let after = try await store.record([Self.roas(0.9)], at: Self.now.addingTimeInterval(7_200))
            #expect(after.map(\.raisedCount) == [2])
        }
    }

    @Test("provisional follows the latest evaluation without raising anything", arguments: WarehouseEngine.allCases)
    func provisionalIsRefreshed(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            let store = AlertStore(warehouse: fixture.warehouse)
            _ = try await store.record([Self.roas(1.3, provisional: true)], at: Self.now)
            #expect(try await store.alert(Self.roas(1.3).id)?.alert.provisional == true)
            #expect(try await store.record([Self.roas(1.3, provisional: false)], at: Self.now.addingTimeInterval(60)).isEmpty)
            let stored = try #require(try await store.alert(Self.roas(1.3).id))
            #expect(stored.alert.provisional == false)
            #expect(stored.updatedAt == Self.now.addingTimeInterval(60))
        }
    }

    @Test("lists narrow by severity, type, platform and business date", arguments: WarehouseEngine.allCases)
    func listFilters(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            let store = AlertStore(warehouse: fixture.warehouse)
            var drop = Self.roas(1.3, date: "2026-11-09")
            drop.id = "revenue_drop-0000000000000002"
            drop.type = "revenue_drop"
            drop.ruleID = "revenue_drop"
            drop.severity = .critical
            drop.platform = nil
            drop.subjectKey = "total"
            _ = try await store.record([Self.roas(1.3), drop], at: Self.now)
            #expect(try await store.list().map(\.alert.id) == [Self.roas(1.3).id, drop.id], "the latest day first")
            #expect(try await store.list(AlertFilter(severity: .critical)).map(\.alert.id) == [drop.id])
            #expect(try await store.list(AlertFilter(type: "roas_low")).map(\.alert.id) == [Self.roas(1.3).id])
            #expect(try await store.list(AlertFilter(platform: "ads_platform_a")).count == 1)
            #expect(try await store.list(AlertFilter(from: BusinessDate("2026-11-01"), to: BusinessDate("2026-11-20"))).map(\.alert.id) == [drop.id])
        }
    }
}
