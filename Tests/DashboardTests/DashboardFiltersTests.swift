@testable import Dashboard
import OmnidashCore
import Testing

@Suite("DashboardFilters")
struct DashboardFiltersTests {
    let today = BusinessDate("2026-12-05")!

    func filters(from: String, to: String) throws(FilterError) -> DashboardFilters {
        try DashboardFilters(query: ["preset": "custom", "from": from, "to": to], today: today)
    }

    func reason(from: String, to: String) -> String? {
        do throws(FilterError) {
            _ = try filters(from: from, to: to)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func theAdsDrillDownTravelsInTheLink() throws {
        let query = ["preset": "last_7_days", "platform": "google", "account": "4721890356", "campaign": "20881", "adset": "ag-77_1"]
        let filters = try DashboardFilters(query: query, today: today)
        #expect(filters.platform == .googleAds && filters.accountID == "4721890356")
        #expect(filters.campaignID == "20881" && filters.adSetID == "ag-77_1")
        #expect(filters.queryItems.map(\.0) == ["preset", "platform", "account", "campaign", "adset"])
        #expect(try DashboardFilters(query: Dictionary(uniqueKeysWithValues: filters.queryItems), today: today) == filters)
        #expect(filters.unscoped.campaignID == nil, "the navigation drops the drill-down")
    }

    @Test func aDrillDownThatIsNotAnIDIsRefusedNamingIt() {
        do throws(FilterError) {
            _ = try DashboardFilters(query: ["campaign": "1 OR 1=1"], today: today)
            Issue.record("accepted")
        } catch {
            #expect(error.reason == "campaign '1 OR 1=1' is not an id")
            #expect(error.subject == .scope)
        }
        do throws(FilterError) {
            _ = try DashboardFilters(query: ["platform": "ga4"], today: today)
            Issue.record("accepted analytics as a scope")
        } catch {
            #expect(error.reason.hasPrefix("unknown platform 'ga4'"))
        }
    }

    @Test func acceptsRangesWhoseComparisonTheWarehouseHolds() throws {
        #expect(DashboardFilters.supportedDates == BusinessDate("2000-01-01")!...BusinessDate("2060-12-31")!)
        let earliest = try filters(from: "2000-02-01", to: "2000-03-02")
        #expect(earliest.comparison == DateRange(start: BusinessDate("2000-01-01")!, end: BusinessDate("2000-01-31")!))
        let latest = try filters(from: "2060-12-01", to: "2060-12-31")
        #expect(latest.range.end == DashboardFilters.supportedDates.upperBound)
    }

    @Test func refusesDatesOutsideTheWarehouseSayingWhichAreAllowed() {
        for (from, to) in [("9999-01-01", "9999-01-31"), ("0001-01-01", "0001-01-31"), ("2060-12-01", "2061-01-01"),
                           ("1999-12-31", "2000-01-10")] {
            let reason = reason(from: from, to: to)
            #expect(reason?.contains("dates must be from 2000-01-01 to 2060-12-31") == true, "\(from)…\(to): \(reason ?? "accepted")")
        }
    }

    @Test func refusesARangeWhoseComparisonWouldStartBeforeTheWarehouse() {
        // 31 days from 1 January 2000 would be compared with December 1999, which has no calendar rows.
        #expect(reason(from: "2000-01-01", to: "2000-01-31")
            == "the comparison period would start on 1999-12-01, before 2000-01-01; dates must be from 2000-01-01 to "
            + "2060-12-31, so a range of 31 days can start on 2000-02-01 at the earliest")
        #expect(reason(from: "2000-01-01", to: "2000-01-01")?.contains("a range of 1 day can start on 2000-01-02") == true)
    }

    @Test func presetsAreBoundedToo() {
        #expect(throws: FilterError.self) {
            try DashboardFilters(query: ["preset": "last_30_days"], today: BusinessDate("2000-01-10")!)
        }
        #expect(throws: FilterError.self) {
            try DashboardFilters(query: ["preset": "yesterday"], today: BusinessDate("2070-01-01")!)
        }
    }

    @Test func noAcceptedRangeIsComparedWithDaysOutsideTheWarehouse() throws {
        let lower = DashboardFilters.supportedDates.lowerBound
        for length in [1, 7, 30, 366] {
            for start in lower.adding(days: length - 2)...lower.adding(days: length + 1) {
                let end = start.adding(days: length - 1)
                guard let accepted = try? filters(from: start.description, to: end.description) else { continue }
                #expect(DashboardFilters.supportedDates.contains(accepted.comparison.start), "\(accepted.range)")
            }
        }
    }
}
