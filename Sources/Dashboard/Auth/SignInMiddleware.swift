import Foundation
import Hummingbird

/// Lets a request through only with a live session, except on `SiteRoute.openPaths`. Without one, a page (GET or
/// HEAD of an HTML path) is sent to the sign-in form, which brings the reader back afterwards; anything else — CSV,
/// JSON, a form post — is a 401 in the path's error format, which a script can tell from data.
///
/// Every POST it lets through must carry the session's CSRF token as the form field `csrf_token`, else 403: a page
/// on another site can make a browser post here with the cookie attached (SameSite=Lax stops that for most posts,
/// not all browsers or cases), but it cannot read the token. The signed-in user is `SignedInUser.current` for the
/// rest of the request, so pages can leave out what the role may not see.
struct SignInMiddleware: RouterMiddleware {
    typealias Context = DashboardRequestContext

    let environment: DashboardEnvironment

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if SiteRoute.openPaths.contains(path) { return try await next(request, context) }
        guard let token = request.cookies[SessionCookie.name]?.value, !token.isEmpty,
              let user = try await environment.accounts.session(token: token, now: environment.now()) else {
            return signInRequired(request, context: context)
        }
        var request = request
        if request.method == .post {
            // Only the forms' targets take POST; refusing the rest here means a route that takes POST without being
            // listed in `SiteRoute.postPaths` is unreachable rather than unguarded.
            guard SiteRoute.postPaths.contains(path) else { throw HTTPError(.notFound) }
            let form = try await FormFields.read(&request)
            guard let sent = form["csrf_token"], SecretToken.constantTimeEquals(sent, user.csrfToken) else {
                return ErrorResponse.response(status: .forbidden, message: .localized(.errorFormExpired, [:]),
                                              today: environment.today, request: request, context: context)
            }
        }
        return try await SignedInUser.$current.withValue(user) { try await next(request, context) }
    }

    private func signInRequired(_ request: Request, context: Context) -> Response {
        let path = request.uri.path
        if [.get, .head].contains(request.method), ErrorResponse.Form(path: path) == .html {
            var response = Response(status: .seeOther, headers: HTMLResponse.securityHeaders)
            response.headers[.location] = SiteRoute.signInURL(next: request.uri.description)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        return ErrorResponse.response(status: .unauthorized, message: .localized(.errorSignInRequired, ["path": path]),
                                      today: environment.today, request: request, context: context)
    }
}
