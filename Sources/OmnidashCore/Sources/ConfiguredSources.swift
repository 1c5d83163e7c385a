/// The `sources:` section: at most one `SourceSettings` per platform, keyed in YAML by the platform's raw value.
public struct ConfiguredSources: Sendable, Codable, Equatable {
    private var sections: [Platform: any SourceSettings] = [:]

    public init(_ sections: [any SourceSettings] = []) {
        for section in sections { self.sections[type(of: section).platform] = section }
    }

    /// The section of one source, `nil` when it is not configured.
    public subscript<Settings: SourceSettings>(_ type: Settings.Type) -> Settings? {
        get { sections[Settings.platform] as? Settings }
        set { sections[Settings.platform] = newValue }
    }

    /// The configured sections, in `Platform` order.
    public var all: [any SourceSettings] { Platform.allCases.compactMap { sections[$0] } }

    public var platforms: [Platform] { Platform.allCases.filter { sections[$0] != nil } }

    public var isEmpty: Bool { sections.isEmpty }

    public static func == (lhs: ConfiguredSources, rhs: ConfiguredSources) -> Bool {
        lhs.sections.count == rhs.sections.count
            && lhs.sections.allSatisfy { platform, section in rhs.sections[platform].map(section.isEqual(to:)) ?? false }
    }


    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: NamedCodingKey.self)
        for key in container.allKeys {
            guard let platform = Platform(rawValue: key.stringValue), let type = platform.settingsType else {
                let known = Platform.allCases.filter { $0.settingsType != nil }.map(\.rawValue)
                throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                                       debugDescription: "not a source Omnidash has; use \(known.joined(separator: ", "))")
            }
            sections[platform] = try Self.decode(type, from: container, key: key)
        }
    }

    private static func decode<Settings: SourceSettings>(_ type: Settings.Type, from container: KeyedDecodingContainer<NamedCodingKey>,
                                                         key: NamedCodingKey) throws -> Settings {
        try container.decode(Settings.self, forKey: key)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NamedCodingKey.self)
        for section in all {
            try container.encode(section, forKey: NamedCodingKey(stringValue: type(of: section).platform.rawValue))
        }
    }
}
