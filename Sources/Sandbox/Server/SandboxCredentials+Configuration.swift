import OmnidashCore

extension SandboxCredentials {
    /// Demo-only keys: the Sandbox's buyers are invented, so these hash and seal nothing real. A real
    /// configuration reads its keys from the environment.
    public static let demoPIIKey = "omnidash-demo-pii-key-not-secret"
    public static let demoTokenKey = "omnidash-demo-token-key-not-secret"

    /// The configuration that points every Omnidash connector at this Sandbox, as `omnidash demo` and the tests
    /// use it; only base URLs and credentials differ from a seller's real configuration.
    public func configuration(warehouse: String, days: Int = 90, dashboardPort: Int = 8080) -> OmnidashConfiguration {
        // The Sandbox runs on this machine: no reason to hold requests to the platforms' real limits.
        let local = OmnidashConfiguration.RateLimit(requests: 1_000, perSeconds: 1)
        return OmnidashConfiguration(
            warehouse: warehouse,
            secrets: .init(piiKey: Self.demoPIIKey, tokenKey: Self.demoTokenKey),
            sources: ConfiguredSources(all.map { $0.settings(rateLimit: local) }),
            fx: .init(url: fx.url),
            dashboard: .init(port: dashboardPort),
            sync: .init(days: days),
            notifications: notifications?.settings() ?? NotificationSettings())
    }
}
