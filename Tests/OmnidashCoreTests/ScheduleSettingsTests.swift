import Foundation
import OmnidashCore
import Testing

@Suite("Schedule settings and cron")
struct ScheduleSettingsTests {
    static let bangkok = TimeZone(identifier: "Asia/Bangkok")!

    /// `2026-12-01T06:00:00+07:00` as an instant.
    static func local(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    @Test func cronFieldsReadStarsListsRangesAndSteps() throws {
        let cron = try CronExpression("5,35 */6 1-10/3 * 1-5")
        // Tue 1 Dec 2026 00:05 Bangkok: day 1 is in 1-10/3 (1, 4, 7, 10), and either day field may match.
        #expect(cron.next(after: Self.local("2026-11-30T23:00:00+07:00"), in: Self.bangkok) == Self.local("2026-12-01T00:05:00+07:00"))
        #expect(cron.next(after: Self.local("2026-12-01T00:05:00+07:00"), in: Self.bangkok) == Self.local("2026-12-01T00:35:00+07:00"))
        #expect(cron.next(after: Self.local("2026-12-01T00:35:00+07:00"), in: Self.bangkok) == Self.local("2026-12-01T06:05:00+07:00"))
        // Sat 5 Dec is neither a weekday nor in 1-10/3; Sun 6 neither; Mon 7 both.
        #expect(cron.next(after: Self.local("2026-12-04T23:59:00+07:00"), in: Self.bangkok) == Self.local("2026-12-07T00:05:00+07:00"))
        #expect(cron.previous(atOrBefore: Self.local("2026-12-07T00:04:59+07:00"), in: Self.bangkok)
                == Self.local("2026-12-04T18:35:00+07:00"))
        // Sunday is 0 or 7.
        #expect(try CronExpression("0 0 * * 7").next(after: Self.local("2026-12-01T00:00:00+07:00"), in: Self.bangkok)
                == Self.local("2026-12-06T00:00:00+07:00"))
    }

    @Test func badCronIsRefusedWithTheFieldNamed() {
        for (text, expected) in [("0 */6 * *", "5"), ("61 * * * *", "minute"), ("0 24 * * *", "hour"), ("0 0 0 * *", "day-of-month"),
                                 ("0 0 * 13 *", "month"), ("0 0 * * 8", "day-of-week"), ("*/0 * * * *", "step"), ("a * * * *", "minute")] {
            #expect(throws: CronExpression.ParseError.self, "\(text)") { try CronExpression(text) }
            do { _ = try CronExpression(text) } catch { #expect("\(error)".contains(expected), "\(text): \(error)") }
        }
    }

    @Test func theSeedsTimetableIsTheDefaultAndPlansADayInItsOrder() {
        let settings = ScheduleSettings()
        let runs = settings.nextRuns(after: Self.local("2026-11-30T23:59:00+07:00"), limit: 12)
        let plan = runs.map { "\($0.job) \(ISO8601DateFormatter.bangkokTime($0.at))" }
        #expect(plan == ["orders 00:00", "ads 00:00", "orders 06:00", "ads 06:00", "products 06:00", "alerts 07:00",
                         "orders 12:00", "ads 12:00", "orders 18:00", "ads 18:00", "orders 00:00", "ads 00:00"])
        #expect(runs[5].at == Self.local("2026-12-01T07:00:00+07:00"))
    }

    @Test func theSectionDecodesValidatesAndRoundTrips() throws {
        let json = #"{"schedule": {"time_zone": "Asia/Tokyo", "jobs": {"products": "30 5 * * *", "ads": "off", "alerts": "0 25 * * *"}}}"#
        let configuration = try JSONDecoder().decode(OmnidashConfiguration.self, from: Data(json.utf8))
        #expect(configuration.schedule.timeZone == "Asia/Tokyo")
        #expect(configuration.schedule.jobs[.orders] == "0 */6 * * *")
        #expect(configuration.schedule.problems(at: "schedule") == ["schedule.jobs.alerts: hour '25': outside 0-23"])
        #expect(configuration.schedule.crons.map(\.job) == [.orders, .products])
        let again = try JSONDecoder().decode(ScheduleSettings.self, from: JSONEncoder().encode(configuration.schedule))
        #expect(again == configuration.schedule)
        #expect(ScheduleSettings(timeZone: "Mars/Olympus").problems(at: "schedule").first?.contains("schedule.time_zone") == true)
    }
}

extension ISO8601DateFormatter {
    /// `HH:mm` in Bangkok.
    static func bangkokTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Bangkok")
        formatter.dateFormat = "HH:mm"
        return formatter.string(from: date)
    }
}
