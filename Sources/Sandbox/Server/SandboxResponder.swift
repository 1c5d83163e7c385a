import Hummingbird

/// Routes every request of the Sandbox's single host to the right emulator by path: `/api/v2/…` is Shopee,
/// `/vN.N/…` is Meta, `/_sandbox/…` is the Sandbox itself.
struct SandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let shopee: ShopeeEmulator
    let facebook: FacebookEmulator
    let control: SandboxControlEndpoints
    let inFlight: InFlightRequests

    /// Largest request body read (the emulated APIs only take small JSON bodies).
    static let maximumBodySize = 1 << 20

    func respond(to request: Request, context: Context) async throws -> Response {
        inFlight.begin()
        defer { inFlight.end() }
        let path = request.uri.path
        let query = QueryParameters(request.uri.query)
        if path.hasPrefix(SandboxControlEndpoints.pathPrefix) {
            return control.respond(path: path, query: query)
        }
        if path.hasPrefix(ShopeeEmulator.pathPrefix) {
            let body = request.method == .post
                ? Array(buffer: try await request.body.collect(upTo: SandboxResponder.maximumBodySize)) : []
            return await shopee.respond(method: request.method, path: path, query: query, body: body,
                                        faultHeader: request.headers[.init(FaultInjector.headerName)!])
        }
        if FacebookEmulator.handles(path: path) {
            return await facebook.respond(method: request.method, path: path, query: query, headers: request.headers)
        }
        return HTTPReply.json(.notFound, .object([("error", .string("no emulator serves \(path)"))]))
    }
}

/// Counts requests being answered, so that a graceful stop can wait for them.
final class InFlightRequests: Sendable {
    private let count = Locked(0)

    func begin() { count.withLock { $0 += 1 } }
    func end() { count.withLock { $0 -= 1 } }

    /// Waits until no request is in flight, or `timeout` has passed.
    func drain(timeout: Duration) async {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while count.withLock({ $0 }) > 0, clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}
