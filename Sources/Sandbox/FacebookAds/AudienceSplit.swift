/// How the Sandbox's Meta splits an ad-day's delivery over the `age` and `gender` breakdowns: fixed shares for a Thai
/// beauty brand's audience (mostly women aged 25–44), each metric apportioned by largest remainder, so the broken-down
/// rows of an ad-day add up exactly to its unbroken row.
enum AudienceSplit {
    enum Dimension: String, Hashable, Sendable {
        case age, gender
    }

    /// Meta's age buckets for ads insights, with their shares in permille.
    static let ages: [(bucket: String, permille: Int64)] = [
        ("18-24", 220), ("25-34", 380), ("35-44", 230), ("45-54", 110), ("55-64", 40), ("65+", 12), ("Unknown", 8),
    ]

    /// Meta's genders, with their shares in permille.
    static let genders: [(bucket: String, permille: Int64)] = [("female", 780), ("male", 190), ("unknown", 30)]

    /// One cell of a split: its bucket in each requested dimension and its weight.
    struct Cell: Sendable {
        let age: String?
        let gender: String?
        let weight: Int64
    }

    /// The cells for `dimensions` (sorted, as `InsightsRequest` keeps them), age-major.
    static func cells(_ dimensions: [Dimension]) -> [Cell] {
        let byAge = dimensions.contains(.age) ? ages.map { ($0.bucket as String?, $0.permille) } : [(nil, 1)]
        let byGender = dimensions.contains(.gender) ? genders.map { ($0.bucket as String?, $0.permille) } : [(nil, 1)]
        return byAge.flatMap { age in byGender.map { gender in Cell(age: age.0, gender: gender.0, weight: age.1 * gender.1) } }
    }

    /// `total` apportioned over `weights`: each share rounded down, the units left over given to the largest
    /// remainders (the earlier cell on a tie). The parts add up to `total` exactly.
    static func apportion(_ total: Int64, weights: [Int64]) -> [Int64] {
        let sum = weights.reduce(0, +)
        guard sum > 0, total != 0 else { return weights.map { _ in 0 } }
        var parts = weights.map { total * $0 / sum }
        let remainders = weights.map { total * $0 % sum }
        var left = total - parts.reduce(0, +)
        for index in remainders.indices.sorted(by: { (remainders[$0], -$0) > (remainders[$1], -$1) }) where left > 0 {
            parts[index] += 1
            left -= 1
        }
        return parts
    }
}
