import OmnidashCore

/// Everything a client needs to talk to a running Sandbox, as served at `GET /_sandbox/credentials`: one object keyed
/// by `Platform` raw value, plus the exchange-rate feed under `fx`. JSON keys are snake_case.
public struct SandboxCredentials: Codable, Sendable {
    public struct FX: Codable, Sendable, Equatable {
        /// The server's URL + `/_sandbox/fx`.
        public var url: String

        public init(url: String) {
            self.url = url
        }
    }

    public var fx: FX
    /// Where the Sandbox receives alerts (LINE, Slack, SMTP), under `notifications`.
    public var notifications: NotificationSandboxCredentials?
    private var platforms: [Platform: any PlatformCredentials]

    init(_ platforms: [any PlatformCredentials], fx: FX, notifications: NotificationSandboxCredentials? = nil) {
        self.fx = fx
        self.notifications = notifications
        self.platforms = Dictionary(platforms.map { (type(of: $0).platform, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// One platform's credentials, `nil` when the Sandbox does not emulate it.
    public subscript<Credentials: PlatformCredentials>(_ type: Credentials.Type) -> Credentials? {
        platforms[Credentials.platform] as? Credentials
    }

    /// Every platform's credentials, in `Platform` order.
    public var all: [any PlatformCredentials] { Platform.allCases.compactMap { platforms[$0] } }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        fx = try container.decode(FX.self, forKey: Key(stringValue: "fx"))
        notifications = try container.decodeIfPresent(NotificationSandboxCredentials.self, forKey: Key(stringValue: "notifications"))
        platforms = [:]
        for type in EmulatorRegistry.credentialTypes where container.contains(Key(stringValue: type.platform.rawValue)) {
            platforms[type.platform] = try Self.decode(type, from: container)
        }
    }

    private static func decode<Credentials: PlatformCredentials>(_ type: Credentials.Type,
                                                                 from container: KeyedDecodingContainer<Key>) throws -> Credentials {
        try container.decode(Credentials.self, forKey: Key(stringValue: Credentials.platform.rawValue))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for credentials in all {
            try container.encode(credentials, forKey: Key(stringValue: type(of: credentials).platform.rawValue))
        }
        try container.encode(fx, forKey: Key(stringValue: "fx"))
        try container.encodeIfPresent(notifications, forKey: Key(stringValue: "notifications"))
    }
}
