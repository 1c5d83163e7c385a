import Alerts
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Testing
import Warehouse

/// `token_expiring` judges when an account's authorisation ends (`oauth_tokens.refresh_expires_at`), never the access
/// token's expiry, which the connectors renew every few hours.
@Suite("Token expiry alerts")
struct TokenExpiryAlertTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    /// A stored token whose access token ends in an hour and whose authorisation ends `days` days from `now` (`nil`: not stated).
    static func token(_ source: String, _ account: String, authorizationDays days: Int?) -> [SQLValue] {
        let nowSeconds = Int64(now.timeIntervalSince1970)
        return [.text(source), .text(account), .text("c2VhbGVk"), .text(Timestamp.string(unixSeconds: nowSeconds + 3_600)),
                SQLValue(days.map { Timestamp.string(unixSeconds: nowSeconds + Int64($0) * 86_400) }),
                .text(Timestamp.string(unixSeconds: nowSeconds - 600))]
    }

    static func seed(_ warehouse: any Warehouse, _ rows: [[SQLValue]]) async throws {
        try await warehouse.write([.insert(RowSet(
            table: "oauth_tokens",
            columns: ["source", "account_id", "sealed_tokens", "access_expires_at", "refresh_expires_at", "updated_at"],
            rows: rows, onConflict: .replace(key: ["source", "account_id"])))])
    }

    @Test("only the authorisation ending within seven days is raised, once, and a new authorisation ends the episode",
          arguments: WarehouseEngine.allCases)
    func authorisationEndingSoonIsRaisedOnce(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            try await Self.seed(fixture.warehouse, [
                Self.token("lazada", "100200300", authorizationDays: 3),
                Self.token(Platform.tiktokShop.rawValue, "7494000111", authorizationDays: 20),
                Self.token(Platform.googleAds.rawValue, "owner", authorizationDays: nil),
            ])
            let evaluator = AlertEvaluator(warehouse: fixture.warehouse, settings: AlertSettings(), calendar: .bangkok)
            let store = AlertStore(warehouse: fixture.warehouse)

            let raised = try await store.record(try await evaluator.evaluate(at: Self.now), at: Self.now)
            #expect(raised.count == 1, "\(raised.map(\.title))")
            let alert = try #require(raised.first)
            #expect(alert.type == "token_expiring" && alert.severity == .warning)
            #expect(alert.subjectKey == "source:lazada:100200300" && alert.platform == "lazada")
            #expect(alert.metricName == "days_left" && alert.metricValue == 3 && alert.thresholdValue == 7)
            #expect(alert.linkPath == "/operations")
            #expect(alert.title == "Lazada 100200300 authorization ends in 3 days", "\(alert.title)")
            // The episode is dated the day the end came within the line: four days ago.
            #expect(alert.businessDate == BusinessCalendar.bangkok.date(Self.now).adding(days: -4))

            // The next day's evaluation finds the same alert and raises nothing, though fewer days are left.
            let tomorrow = Self.now.addingTimeInterval(86_400)
            let again = try await evaluator.evaluate(at: tomorrow)
            #expect(again.map(\.id) == [alert.id] && again.first?.metricValue == 2)
            #expect(try await store.record(again, at: tomorrow).isEmpty)
            #expect(try await store.list().count == 1)

            // The seller authorises again: nothing is found while the new authorisation has long to run.
            try await Self.seed(fixture.warehouse, [Self.token("lazada", "100200300", authorizationDays: 180)])
            #expect(try await evaluator.evaluate(at: tomorrow).isEmpty)
        }
    }

    @Test("an authorisation that has already ended is raised as ended", arguments: [WarehouseEngine.sqlite])
    func endedAuthorisation(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            try await Self.seed(fixture.warehouse, [Self.token("lazada", "100200300", authorizationDays: -2)])
            let evaluator = AlertEvaluator(warehouse: fixture.warehouse, settings: AlertSettings(), calendar: .bangkok)
            let found = try await evaluator.evaluate(at: Self.now)
            #expect(found.map(\.title) == ["Lazada 100200300 authorization has ended"])
            #expect(found.first?.metricValue == -2)
        }
    }
}
