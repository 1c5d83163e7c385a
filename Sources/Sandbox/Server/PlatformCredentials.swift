import OmnidashCore

/// One platform's entry in `GET /_sandbox/credentials`: `base_url` as the platform's own SDK takes it as its endpoint,
/// and the platform's own names for its credentials.
public protocol PlatformCredentials: Codable, Sendable {
    static var platform: Platform { get }

    var baseURL: String { get }

    /// The `omnidash.yaml` section that points Omnidash's connector at this emulator.
    func settings(rateLimit: OmnidashConfiguration.RateLimit) -> any SourceSettings

    /// `name value` pairs for the banner `omnidash sandbox` prints.
    var summary: [(name: String, value: String)] { get }
}
