import OmnidashCore

/// Faults the emulators inject, to exercise the connectors' resilience.
///
/// Every fault is counter-based and counted per platform (each platform separately), so a run with the same
/// requests meets the same faults. A single request can also ask for a fault with the header
/// `X-Sandbox-Fault: throttle|5xx|slow|expired-token|malformed` (comma-separated for several).
public struct SandboxFaults: Sendable, Equatable {
    /// Every Nth request to a platform API is throttled the way that platform throttles.
    public var throttleEvery: Int?
    /// Every Nth request starts a burst of 5xx responses…
    public var serverErrorEvery: Int?
    /// …of this many consecutive requests (default 2).
    public var serverErrorBurst: Int
    /// Delay added to every platform API response.
    public var slowResponse: Duration?
    /// Every Nth authenticated request answers as if the access token had expired (each platform's own code
    /// "Invalid access_token." and the token stays refused until refreshed; Meta code 190 subcode 463).
    public var expireTokensEvery: Int?
    /// The platforms whose tokens expire so, `nil` for every platform. A platform whose access tokens never expire
    /// (a system user's, a marketing API's long-lived token) has no refresh flow, so an expired token stops its sync.
    public var expiringTokenPlatforms: Set<Platform>?
    /// Every Nth order object in `get_order_detail` responses is malformed, rotating through a few kinds.
    public var malformedOrderEvery: Int?
    /// Meta's "Require App Secret" app setting: every Graph call must carry `appsecret_proof` (off by default, when a
    /// call without it is served; a proof that is sent must be right either way).
    public var requireAppSecretProof = false

    public init(
        throttleEvery: Int? = nil, serverErrorEvery: Int? = nil, serverErrorBurst: Int = 2,
        slowResponse: Duration? = nil, expireTokensEvery: Int? = nil, expiringTokenPlatforms: Set<Platform>? = nil,
        malformedOrderEvery: Int? = nil
    ) {
        self.throttleEvery = throttleEvery
        self.serverErrorEvery = serverErrorEvery
        self.serverErrorBurst = serverErrorBurst
        self.slowResponse = slowResponse
        self.expireTokensEvery = expireTokensEvery
        self.expiringTokenPlatforms = expiringTokenPlatforms
        self.malformedOrderEvery = malformedOrderEvery
    }

    public static let none = SandboxFaults()

    /// Whether any fault is configured.
    public var isEmpty: Bool {
        throttleEvery == nil && serverErrorEvery == nil && slowResponse == nil && expireTokensEvery == nil
            && malformedOrderEvery == nil && !requireAppSecretProof
    }
}
