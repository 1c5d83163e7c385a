import Hummingbird

/// The dashboard's own request context: what a request carries through middleware to its handler. It holds nothing
/// beyond Hummingbird's core yet; the signed-in user and their role arrive here with sign-in.
public struct DashboardRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: Source) {
        coreContext = .init(source: source)
    }
}
