/// The Airbyte sources `omnidash import airbyte --source` reads, one line each: Airbyte's source name (without its
/// `source-` prefix) and the mapper that lands its records in the native connector's raw tables.
public enum AirbyteSourceRegistry {
    public static let sources: [(name: String, mapper: @Sendable (AirbyteImportOptions) -> any AirbyteSourceMapper)] = [
        ("facebook-marketing", { FacebookAirbyteMapper(options: $0) }),
        ("google-ads", { GoogleAdsAirbyteMapper(options: $0) }),
        ("tiktok-marketing", { TikTokAdsAirbyteMapper(options: $0) }),
        ("google-analytics-data-api", { GA4AirbyteMapper(options: $0) }),
    ]

    public static var names: [String] { sources.map(\.name) }

    /// The mapper of `name` (`source-` prefix allowed), or `nil` for a source Omnidash does not read.
    public static func mapper(for name: String, options: AirbyteImportOptions = AirbyteImportOptions()) -> (any AirbyteSourceMapper)? {
        let bare = name.hasPrefix("source-") ? String(name.dropFirst("source-".count)) : name
        return sources.first { $0.name == bare }?.mapper(options)
    }

    /// `source-facebook-marketing` → `facebook-marketing`.
    public static func canonicalName(_ name: String) -> String {
        name.hasPrefix("source-") ? String(name.dropFirst("source-".count)) : name
    }
}
