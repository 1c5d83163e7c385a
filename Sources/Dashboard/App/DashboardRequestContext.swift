import Hummingbird

/// The dashboard's own request context: what a request carries through middleware to its handler. The signed-in
/// user travels as `SignedInUser.current` (a task local, so views read it without every signature carrying it).
public struct DashboardRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address, for counting its failed sign-ins; `nil` when the channel has none (tests).
    public var remoteAddress: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }
}
