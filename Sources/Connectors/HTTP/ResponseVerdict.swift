/// What a platform's response means for the request that got it; each connector classifies its platform's
/// responses (status, headers, error envelope) in one function.
public enum ResponseVerdict: Sendable {
    case success
    /// The platform throttled us: wait (at least `after`, if it said) and try again.
    case throttled(reason: String, after: Duration?)
    /// A transient failure (5xx, a "try again" code): back off and try again.
    case transient(reason: String, after: Duration?)
    /// The access token expired or was revoked: refresh it, then try again once.
    case refreshCredentials(ConnectorError)
    /// A permanent failure: stop and report it.
    case fail(ConnectorError)
}
