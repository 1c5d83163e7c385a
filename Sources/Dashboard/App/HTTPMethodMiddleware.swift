import Hummingbird

/// The dashboard only reads, so GET and HEAD are its methods. HEAD answers as GET does, same status and
/// headers, without the body (uptime checks send HEAD); any other method on a path that exists is a 405 with
/// `Allow`, so a client learns what the path takes rather than that it is missing. Unknown paths stay 404.
///
/// It sits outside `ErrorResponseMiddleware`, so that error answers to HEAD lose their body too.
struct HTTPMethodMiddleware<Context: RequestContext>: RouterMiddleware {
    static var allowed: String { "GET, HEAD" }

    /// Every path the router serves (`SiteRoute.allPaths`).
    let paths: Set<String>
    let environment: DashboardEnvironment

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        switch request.method {
        case .get:
            return try await next(request, context)
        case .head:
            // The router answers HEAD from the GET route (`autoGenerateHeadEndpoints`); this empties the rest.
            return try await next(request, context).createHeadResponse()
        default:
            guard paths.contains(request.uri.path) else { return try await next(request, context) }
            return ErrorResponse.response(status: .methodNotAllowed,
                                          message: .localized(.errorMethodNotAllowed, ["path": request.uri.path, "allowed": Self.allowed,
                                                                                       "method": request.method.rawValue]),
                                          headers: [.allow: Self.allowed], today: environment.today,
                                          request: request, context: context)
        }
    }
}
