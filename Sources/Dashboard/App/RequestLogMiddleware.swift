import Foundation
import Hummingbird
import Logging

/// One `.info` line per request, `GET /executive.json?preset=last_7_days 200 3.1ms`: what was asked, how it was
/// answered and how long it took, so a slow or failing page shows in the server log without a debugger.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status, since: start)
            return response
        } catch {
            // Errors normally become responses further in; one that escapes is answered by Hummingbird.
            log(request, status: (error as? any HTTPResponseError)?.status ?? .internalServerError, since: start)
            throw error
        }
    }

    private func log(_ request: Request, status: HTTPResponse.Status, since start: ContinuousClock.Instant) {
        logger.info("\(Self.line(method: request.method, uri: request.uri.description, status: status, duration: .now - start))")
    }

    /// `GET /?preset=yesterday 200 3.1ms`.
    static func line(method: HTTPRequest.Method, uri: String, status: HTTPResponse.Status, duration: Duration) -> String {
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return "\(method.rawValue) \(uri) \(status.code) \(String(format: "%.1f", milliseconds))ms"
    }
}
