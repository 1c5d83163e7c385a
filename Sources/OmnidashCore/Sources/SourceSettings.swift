import Foundation

/// One platform's section under `sources:` in `omnidash.yaml`: how it decodes, what makes it valid, and the
/// commented block `omnidash init` writes for it. A new source adds one conforming type in its own folder and
/// one case in `Platform.settingsType`.
public protocol SourceSettings: Codable, Sendable, Equatable {
    static var platform: Platform { get }

    /// The commented YAML `omnidash init` writes for this source, indented to sit under `sources:`.
    static var initTemplate: String { get }

    /// The ids of the accounts (shops, ad accounts) this section lists, as the warehouse keys them.
    var accountIDs: [String] { get }

    /// Every problem with this section, each naming its key under `path` (`sources.<platform>`).
    func problems(at path: String) -> [String]

    /// Days the platform keeps restating its figures, when its section says (a re-fetch lookback); alerts on those
    /// days are provisional. `nil` leaves it to `alerts.provisional_days`.
    var restatementDays: Int? { get }
}

extension SourceSettings {
    public var restatementDays: Int? { nil }

    /// Compares with a section of any type; sections of different platforms are never equal.
    func isEqual(to other: any SourceSettings) -> Bool {
        (other as? Self) == self
    }

    /// The problems every source shares: a base URL that is not a URL, a rate limit that is not positive.
    public static func urlProblems(_ url: String, at key: String) -> [String] {
        URL(string: url)?.host == nil ? ["\(key): '\(url)' is not a URL"] : []
    }
}
