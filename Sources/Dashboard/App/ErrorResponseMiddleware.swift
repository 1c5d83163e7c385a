import Hummingbird
import Logging
import OmnidashCore

/// Turns errors into answers in the request's format (`ErrorResponse`): a bad filter is a 400 that says what was
/// wrong; an HTTP error keeps its status and headers; anything else is logged with its detail and answered as a
/// plain 500, never with the error's text (it may carry SQL or paths).
struct ErrorResponseMiddleware<Context: RequestContext>: RouterMiddleware {
    let environment: DashboardEnvironment

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as FilterError {
            return answer(.badRequest, .filter(error), request: request, context: context)
        } catch let error as HTTPError {
            let message: ErrorMessage = switch error.status {
            case .notFound: .localized(.errorNoPage, ["path": request.uri.path])
            default: .verbatim(error.body ?? error.status.reasonPhrase)
            }
            return answer(error.status, message, headers: error.headers, request: request, context: context)
        } catch {
            environment.logger.error("dashboard request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return answer(.internalServerError, .localized(.errorWarehouse, [:]), request: request, context: context)
        }
    }

    private func answer(_ status: HTTPResponse.Status, _ message: ErrorMessage, headers: HTTPFields = [:], request: Request,
                        context: Context) -> Response {
        ErrorResponse.response(status: status, message: message, headers: headers, today: environment.today,
                               request: request, context: context)
    }
}
