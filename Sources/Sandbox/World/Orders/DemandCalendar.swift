import OmnidashCore

/// How many orders the shop receives on a day, and when in the day they arrive.
///
/// The rhythm is what a Thai marketplace seller sees: weekends a little higher, pay days (the 25th to the 1st)
/// higher, the double-date campaign days (9.9, 10.10 and above all 11.11 and 12.12) several times normal, and every
/// 23 days a marketplace outage that stops orders from 09:00 to 20:00, so that any 30-day window holds at least one
/// day whose revenue drops by far more than 20 % against the day before.
struct DemandCalendar: Sendable {
    let seed: UInt64

    /// A normal weekday's order count before the multipliers.
    static let baseOrdersPerDay = 430.0
    /// The outage repeats with this period (days); it must stay below 30 so every 30-day window sees one.
    static let outagePeriod = 23
    /// Local hours (inclusive) without orders on an outage day.
    static let outageHours = 9...19

    /// Relative order intensity per local hour: a quiet night, a lunch peak and the evening peak around 21:00.
    static let hourWeights: [Double] = [
        2.0, 1.2, 0.7, 0.4, 0.3, 0.4, 0.8, 1.5, 2.5, 3.5, 4.2, 4.6,
        5.2, 5.0, 4.4, 4.2, 4.3, 4.6, 5.0, 5.6, 6.6, 7.2, 6.4, 3.8,
    ]

    struct DayPlan: Sendable {
        let orderCount: Int
        let isOutage: Bool
        let isCampaignDay: Bool
        /// Weights per local hour for this day's order times (zero during an outage).
        let hourWeights: [Double]
    }

    /// The day's plan for `shop`: the brand's rhythm and double-date campaigns, scaled to the shop's share, with the
    /// shop's own mega-sale days and (for the reference shop) the planted outages.
    func plan(for day: BusinessDate, shop: SandboxShop) -> DayPlan {
        var generator = shop.streamKey == 0
            ? SeededGenerator(seed: seed, stream: .demand, Int64(day.daysSinceEpoch))
            : SeededGenerator(seed: seed, stream: .demand, Int64(day.daysSinceEpoch), shop.streamKey)
        let noise = generator.around(1.0, spread: 0.06) * shop.demandShare
        let outage = shop.hasOutages && isOutage(day)
        let campaign = max(campaignFactor(day), shop.ownPeaks[day.month * 100 + day.day] ?? 1)
        var weights = DemandCalendar.hourWeights
        if campaign >= 2 {
            // Campaign days open with a midnight rush and run hot all evening.
            weights[0] *= 6
            weights[1] *= 3
            for hour in 20...23 { weights[hour] *= 1.4 }
        }
        var share = 1.0
        if outage {
            let total = weights.reduce(0, +)
            for hour in DemandCalendar.outageHours { weights[hour] = 0 }
            share = weights.reduce(0, +) / total
        }
        let expected = DemandCalendar.baseOrdersPerDay * weekdayFactor(day) * paydayFactor(day) * campaign * noise * share
        return DayPlan(
            orderCount: max(1, Int(expected.rounded())), isOutage: outage, isCampaignDay: campaign >= 2,
            hourWeights: weights
        )
    }

    /// ISO weekday rhythm (Monday … Sunday).
    func weekdayFactor(_ day: BusinessDate) -> Double {
        [1.04, 0.98, 0.96, 0.97, 0.94, 1.02, 1.08][day.weekday - 1]
    }

    /// Salaries are paid around the 25th; spending stays high until the 1st.
    func paydayFactor(_ day: BusinessDate) -> Double {
        day.day >= 25 || day.day == 1 ? 1.22 : 1.0
    }

    /// Double-date campaign multipliers, with a warm-up eve and a tail the day after.
    func campaignFactor(_ day: BusinessDate) -> Double {
        if let factor = DemandCalendar.campaignDay(month: day.month, day: day.day) { return factor }
        let tomorrow = day.adding(days: 1)
        if let factor = DemandCalendar.campaignDay(month: tomorrow.month, day: tomorrow.day), factor >= 2 { return 1.15 }
        let yesterday = day.adding(days: -1)
        if let factor = DemandCalendar.campaignDay(month: yesterday.month, day: yesterday.day) {
            return factor >= 3 ? 1.35 : 1.1
        }
        return 1.0
    }

    private static func campaignDay(month: Int, day: Int) -> Double? {
        guard month == day else { return nil }
        switch month {
        case 6, 7, 8: return 1.5
        case 9: return 2.0
        case 10: return 2.2
        case 11: return 4.2
        case 12: return 3.6
        default: return nil
        }
    }

    /// Whether `day` is a marketplace outage day.
    ///
    /// Outages recur every `outagePeriod` days at a seed-chosen phase; one that would land on or right after a campaign
    /// day, or on the first pay day, moves forward to the next ordinary day so that it always shows as a drop.
    func isOutage(_ day: BusinessDate) -> Bool {
        let period = DemandCalendar.outagePeriod
        var phaseGenerator = SeededGenerator(seed: seed, stream: .outage)
        let phase = Int(phaseGenerator.next() % UInt64(period))
        for lag in 0...7 {
            let candidate = day.daysSinceEpoch - lag
            if ((candidate - phase) % period + period) % period == 0 {
                return effectiveOutage(cycleStart: BusinessDate(daysSinceEpoch: candidate)) == day
            }
        }
        return false
    }

    private func effectiveOutage(cycleStart: BusinessDate) -> BusinessDate {
        var day = cycleStart
        for _ in 0..<7 {
            let previous = day.adding(days: -1)
            if campaignFactor(day) == 1, campaignFactor(previous) == 1, paydayFactor(day) <= paydayFactor(previous) {
                return day
            }
            day = day.adding(days: 1)
        }
        return day
    }
}
