import Foundation
import Hummingbird

/// `/sign-in` (the form, and where it posts) and `/sign-out`.
enum SignInRoutes {
    static func register(on router: Router<DashboardRequestContext>, environment: DashboardEnvironment) {
        router.get(RouterPath(SiteRoute.signIn.path)) { request, context -> Response in
            let preference = try LanguagePreference(request: request)
            let next = request.uri.queryDictionary["next"].map(safeNext)
            var response = HTMLResponse(SignInPage.view(language: preference.language, next: next))
                .response(from: request, context: context)
            response.headers[.contentLanguage] = preference.language.code
            if preference.isFromParameter { response.setCookie(preference.cookie) }
            return response
        }
        router.post(RouterPath(SiteRoute.signIn.path)) { request, context -> Response in
            try await signIn(request, context: context, environment: environment)
        }
        router.post(RouterPath(SiteRoute.signOut.path)) { request, _ -> Response in
            // The middleware has checked the session and the CSRF token before this runs.
            if let token = request.cookies[SessionCookie.name]?.value { try await environment.accounts.endSession(token: token) }
            var response = redirect(to: SiteRoute.signIn.path)
            response.setCookie(SessionCookie.cleared(settings: environment.settings))
            return response
        }
    }

    private static func signIn(_ request: Request, context: DashboardRequestContext,
                               environment: DashboardEnvironment) async throws -> Response {
        // Signing in needs no CSRF token (there is no session to carry one yet); what it must stop is another site
        // signing a browser in as someone else. Browsers mark every form post with `Origin` and `Sec-Fetch-Site`,
        // so a post from another site shows as one and is refused; a post with neither header comes from a
        // program, which has no victim's browser to plant a session in.
        guard isSameOrigin(request, environment: environment) else {
            return ErrorResponse.response(status: .forbidden, message: .localized(.errorFormExpired, [:]),
                                          today: environment.today, request: request, context: context)
        }
        var request = request
        let form = try await FormFields.read(&request)
        let language = LanguagePreference.lenient(request)
        let name = form["user"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let next = safeNext(form["next"] ?? "/")
        let now = environment.now()
        let outcome = try await environment.accounts.signIn(name: name, password: form["password"] ?? "",
                                                            address: context.remoteAddress, now: now)
        switch outcome {
        case .signedIn(let session):
            var response = redirect(to: next)
            response.setCookie(SessionCookie.make(token: session.token, settings: environment.settings))
            return response
        case .refused:
            return HTMLResponse(SignInPage.view(language: language, next: next, name: name,
                                                message: language.text(.signInRefused)), status: .unauthorized)
                .response(from: request, context: context)
        case .throttled(let until):
            let seconds = max(1, Int(until.timeIntervalSince(now).rounded(.up)))
            var response = HTMLResponse(SignInPage.view(language: language, next: next, name: name,
                                                        message: language.text(.signInThrottled, ["seconds": String(seconds)])),
                                        status: .tooManyRequests)
                .response(from: request, context: context)
            response.headers[.retryAfter] = String(seconds)
            return response
        }
    }

    static func isSameOrigin(_ request: Request, environment: DashboardEnvironment) -> Bool {
        if let site = request.headers[.init("Sec-Fetch-Site")!], !["same-origin", "none"].contains(site) { return false }
        guard let origin = request.headers[.origin] else { return true }
        guard let components = URLComponents(string: origin), let host = components.host else { return false }
        let originAuthority = host + (components.port.map { ":\($0)" } ?? "")
        var accepted = [request.head.authority].compactMap { $0 }
        if let publicURL = environment.settings.publicURL, let url = URLComponents(string: publicURL), let publicHost = url.host {
            accepted.append(publicHost + (url.port.map { ":\($0)" } ?? ""))
        }
        return accepted.contains { $0.lowercased() == originAuthority.lowercased() }
    }

    /// `next` when it is a path on this dashboard, else the home page: the form must never send a reader elsewhere.
    static func safeNext(_ next: String) -> String {
        guard next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), !next.hasPrefix(SiteRoute.signIn.path) else {
            return "/"
        }
        return next
    }

    private static func redirect(to location: String) -> Response {
        var response = Response(status: .seeOther, headers: HTMLResponse.securityHeaders)
        response.headers[.location] = location
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
