import Hummingbird

/// Routes every request of the Sandbox's single host: `/_sandbox/…` to the Sandbox itself, anything else to the first
/// registered emulator that serves the path.
struct SandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let emulators: [any Emulator]
    let control: SandboxControlEndpoints
    /// Where alerts arrive (LINE push, Slack webhook) and the outbox that shows them.
    let notifications: NotificationEndpoints
    let inFlight: InFlightRequests

    /// Largest request body read (the emulated APIs only take small JSON or form bodies).
    static let maximumBodySize = 1 << 20

    func respond(to request: Request, context: Context) async throws -> Response {
        inFlight.begin()
        defer { inFlight.end() }
        let path = request.uri.path
        let query = QueryParameters(request.uri.query)
        if notifications.serves(path: path) {
            let body = request.method == .get ? [] : Array(buffer: try await request.body.collect(upTo: Self.maximumBodySize))
            return notifications.respond(to: EmulatorRequest(method: request.method, path: path, query: query,
                                                             headers: request.headers, body: body))
        }
        if path.hasPrefix(SandboxControlEndpoints.pathPrefix) {
            return control.respond(path: path, query: query)
        }
        guard let emulator = emulators.first(where: { $0.serves(path: path) }) else {
            return HTTPReply.json(.notFound, .object([("error", .string("no emulator serves \(path)"))]))
        }
        let body = request.method == .get ? [] : Array(buffer: try await request.body.collect(upTo: Self.maximumBodySize))
        return await emulator.respond(to: EmulatorRequest(method: request.method, path: path, query: query,
                                                          headers: request.headers, body: body))
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
