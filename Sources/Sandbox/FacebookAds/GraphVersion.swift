import OmnidashCore

/// A Marketing API version (`vMAJOR.MINOR`) and the days Meta serves it.
///
/// The insights and ad-account endpoints are Marketing API endpoints, whose versions live about a year, far shorter
/// than the Graph API's two years; the table is Meta's "Marketing API version history" (developers.facebook.com/
/// documentation/ads-commerce/marketing-api/marketing-api-changelog/versions, read December 2026). The Sandbox's Meta
/// lives on the world's today (`asOf`), so the versions it serves follow the world's date: on 2026-11-14 they are
/// v25.0, v26.0 and v27.0 (v24.0 expired on 2026-11-10).
struct GraphVersion: Comparable, CustomStringConvertible {
    let major: Int
    let minor: Int

    init(major: Int, minor: Int = 0) {
        self.major = major
        self.minor = minor
    }

    /// Reads `vN.N`; nil for anything else.
    init?(_ text: some StringProtocol) {
        guard text.first == "v" else { return nil }
        let parts = text.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let major = Int(parts[0]), let minor = Int(parts[1])
        else { return nil }
        self.init(major: major, minor: minor)
    }

    var description: String { "v\(major).\(minor)" }

    static func < (lhs: GraphVersion, rhs: GraphVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    /// A version's life: released on `released`, refused from `expires` on (nil: not yet announced, "TBD").
    struct Life {
        let version: GraphVersion
        let released: BusinessDate
        let expires: BusinessDate?
    }

    /// Meta's Marketing API versions v16.0–v27.0, newest first (source in the type's comment).
    static let history: [Life] = [
        Life(version: GraphVersion(major: 27), released: BusinessDate("2026-11-04")!, expires: nil),
        Life(version: GraphVersion(major: 26), released: BusinessDate("2026-07-29")!, expires: nil),
        Life(version: GraphVersion(major: 25), released: BusinessDate("2026-02-18")!, expires: BusinessDate("2027-02-23")!),
        Life(version: GraphVersion(major: 24), released: BusinessDate("2025-10-08")!, expires: BusinessDate("2026-11-10")!),
        Life(version: GraphVersion(major: 23), released: BusinessDate("2025-05-29")!, expires: BusinessDate("2026-06-09")!),
        Life(version: GraphVersion(major: 22), released: BusinessDate("2025-01-21")!, expires: BusinessDate("2026-02-19")!),
        Life(version: GraphVersion(major: 21), released: BusinessDate("2024-10-02")!, expires: BusinessDate("2025-09-09")!),
        Life(version: GraphVersion(major: 20), released: BusinessDate("2024-05-21")!, expires: BusinessDate("2025-05-06")!),
        Life(version: GraphVersion(major: 19), released: BusinessDate("2024-01-23")!, expires: BusinessDate("2025-02-04")!),
        Life(version: GraphVersion(major: 18), released: BusinessDate("2023-09-12")!, expires: BusinessDate("2024-08-13")!),
        Life(version: GraphVersion(major: 17), released: BusinessDate("2023-05-23")!, expires: BusinessDate("2024-05-14")!),
        Life(version: GraphVersion(major: 16), released: BusinessDate("2023-02-02")!, expires: BusinessDate("2024-02-06")!),
    ]

    /// The versions served on `date`, newest first; a date before the table serves its oldest version.
    static func served(on date: BusinessDate) -> [GraphVersion] {
        let live = history.filter { $0.released <= date && $0.expires.map { date < $0 } ?? true }.map(\.version)
        return live.isEmpty ? [history.last!.version] : live
    }

    /// How a request's version stands on `date`.
    enum Standing: Equatable {
        case served
        /// Older than every served version: Meta answers code 2635.
        case retired
        /// Never released (by `date`) or never existed, such as `v99.0` or `v25.5`.
        case unknown
    }

    static func standing(of version: GraphVersion, on date: BusinessDate) -> Standing {
        let served = served(on: date)
        if served.contains(version) { return .served }
        return version < served.last! ? .retired : .unknown
    }
}
