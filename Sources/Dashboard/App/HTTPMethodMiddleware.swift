import Hummingbird

/// The dashboard mostly reads, so GET and HEAD are its methods, plus POST on the forms' targets
/// (`SiteRoute.postPaths`). HEAD answers as GET does, same status and headers, without the body (uptime checks
/// send HEAD); any other method on a path that exists is a 405 with `Allow`, so a client learns what the path
/// takes rather than that it is missing. Unknown paths stay 404.
///
/// It sits outside `ErrorResponseMiddleware`, so that error answers to HEAD lose their body too.
struct HTTPMethodMiddleware<Context: RequestContext>: RouterMiddleware {
    static var allowed: String { "GET, HEAD" }

    /// Every path the router serves with GET (`SiteRoute.allPaths`).
    let paths: Set<String>
    /// The paths that take POST (`SiteRoute.postPaths`).
    var postPaths: Set<String> = Set(SiteRoute.postPaths)
    let environment: DashboardEnvironment

    /// What `path` takes, for `Allow`.
    func allowed(_ path: String) -> String {
        switch (paths.contains(path), postPaths.contains(path)) {
        case (true, true): "GET, HEAD, POST"
        case (false, true): "POST"
        default: Self.allowed
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        switch request.method {
        case .get where postPaths.contains(path) && !paths.contains(path), .head where postPaths.contains(path) && !paths.contains(path):
            return methodNotAllowed(request, context: context)
        case .get:
            return try await next(request, context)
        case .head:
            // The router answers HEAD from the GET route (`autoGenerateHeadEndpoints`); this empties the rest.
            return try await next(request, context).createHeadResponse()
        case .post where postPaths.contains(path):
            return try await next(request, context)
        default:
            guard paths.contains(path) || postPaths.contains(path) else { return try await next(request, context) }
            return methodNotAllowed(request, context: context)
        }
    }

    private func methodNotAllowed(_ request: Request, context: Context) -> Response {
        let path = request.uri.path
        return ErrorResponse.response(status: .methodNotAllowed,
                                      message: .localized(.errorMethodNotAllowed, ["path": path, "allowed": allowed(path),
                                                                                   "method": request.method.rawValue]),
                                      headers: [.allow: allowed(path)], today: environment.today,
                                      request: request, context: context)
    }
}
