import Foundation
import OmnidashCore
import Testing
@testable import Transform
import Warehouse

@Suite("TikTok Ads entity staging")
struct TikTokAdsEntityStagingTests {
    static func row(_ values: [String: SQLValue]) -> WarehouseRow {
        WarehouseRow(columns: Array(values.keys), values: Array(values.values))
    }

    @Test("budget modes become daily, lifetime or no budget, exactly as written", arguments: [
        ("BUDGET_MODE_DAY", "11900.0", Decimal(string: "11900"), nil),
        ("BUDGET_MODE_DYNAMIC_DAILY_BUDGET", "45.55", Decimal(string: "45.55"), nil),
        ("BUDGET_MODE_TOTAL", "300000.10", nil, Decimal(string: "300000.10")),
        ("BUDGET_MODE_INFINITE", "0.0", nil, nil),
        ("BUDGET_MODE_DAY", "0", nil, nil),
    ] as [(String, String, Decimal?, Decimal?)])
    func budgets(mode: String, amount: String, daily: Decimal?, lifetime: Decimal?) throws {
        let budget = try TikTokAdsEntityStaging.budget(Self.row(["budget_mode": .text(mode), "budget": .text(amount)]), table: "t", key: "k")
        #expect(budget.0 == daily && budget.1 == lifetime)
    }

    @Test func aBudgetThatIsNotANumberNamesTheRow() {
        #expect(throws: StagingError.self) {
            try TikTokAdsEntityStaging.budget(Self.row(["budget_mode": .text("BUDGET_MODE_DAY"), "budget": .text("1e3x")]),
                                              table: "raw_tiktok_ads_campaigns", key: "17001")
        }
    }

    @Test func onlyEnabledObjectsThatTikTokStillDeliversAreActive() {
        func active(_ operation: String, _ secondary: String?) -> Bool {
            TikTokAdsEntityStaging.isActive(Self.row(["operation_status": .text(operation), "secondary_status": secondary.map(SQLValue.text) ?? .null]))
        }
        #expect(active("ENABLE", "CAMPAIGN_STATUS_ENABLE"))
        #expect(active("ENABLE", "AD_STATUS_DELIVERY_OK"))
        #expect(active("ENABLE", nil))
        #expect(!active("DISABLE", "AD_STATUS_DISABLE"))
        #expect(!active("ENABLE", "CAMPAIGN_STATUS_DELETE"))
        #expect(!active("ENABLE", "ADGROUP_STATUS_TIME_DONE"))
    }

    @Test func scheduleTimesAreUTCAndBecomeBangkokDates() {
        // 17:00 UTC is midnight in Bangkok: the next business day.
        #expect(TikTokAdsEntityStaging.businessDate("2025-01-05 17:00:00", .bangkok) == BusinessDate("2025-01-06"))
        #expect(TikTokAdsEntityStaging.businessDate("2025-01-05 16:59:59", .bangkok) == BusinessDate("2025-01-05"))
        #expect(TikTokAdsEntityStaging.businessDate("soon", .bangkok) == nil)
        #expect(TikTokAdsEntityStaging.businessDate(nil, .bangkok) == nil)
    }
}
