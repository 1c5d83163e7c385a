/// What a sync pulls from: one platform, or the exchange-rate feed. The raw value is `sync_runs.source` and what
/// `omnidash sync --source` takes.
public enum SyncSource: Hashable, Sendable, CustomStringConvertible {
    case platform(Platform)
    case fx

    public init?(rawValue: String) {
        if rawValue == "fx" {
            self = .fx
        } else if let platform = Platform(rawValue: rawValue) {
            self = .platform(platform)
        } else {
            return nil
        }
    }

    public var rawValue: String {
        switch self {
        case .platform(let platform): platform.rawValue
        case .fx: "fx"
        }
    }

    public var description: String { rawValue }

    /// The platform, or `nil` for the exchange-rate feed.
    public var platform: Platform? {
        if case .platform(let platform) = self { return platform }
        return nil
    }

    /// The name a person sees.
    public var displayName: String { platform?.displayName ?? "FX feed" }
}
