import Hummingbird
import Logging
import OmnidashCore

/// Turns errors into pages: a bad filter is a 400 that says what was wrong; anything else is logged with its
/// detail and shown as a plain 500, never with the error's text (it may carry SQL or paths).
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let environment: DashboardEnvironment

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as FilterError {
            return ErrorPage.response(status: .badRequest, message: "The date range is not valid: \(error.reason).",
                                          today: environment.today, request: request, context: context)
        } catch let error as HTTPError {
            guard error.status != .notFound else {
                return ErrorPage.response(status: .notFound, message: "There is no page at \(request.uri.path).",
                                              today: environment.today, request: request, context: context)
            }
            throw error
        } catch {
            environment.logger.error("dashboard request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return ErrorPage.response(status: .internalServerError,
                                          message: "Something went wrong reading the warehouse. The details are in the server log.",
                                          today: environment.today, request: request, context: context)
        }
    }
}
