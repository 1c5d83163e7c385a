import Alerts
import Foundation
import Hummingbird

/// `POST /alerts/ack` and `POST /alerts/snooze`, the Alerts page's forms. The sign-in middleware has checked the
/// session and the CSRF token before these run; each answers with a redirect back to the page it came from.
enum AlertActionRoutes {
    /// The longest snooze the form may ask for: a month.
    static let maximumSnoozeHours = 24 * 31

    static func register(on router: Router<DashboardRequestContext>, environment: DashboardEnvironment) {
        router.post(RouterPath(SiteRoute.acknowledgeAlert.path)) { request, context -> Response in
            var request = request
            let form = try await FormFields.read(&request)
            let id = form["id"] ?? ""
            let person = SignedInUser.current?.name ?? "dashboard"
            guard try await AlertStore(warehouse: environment.warehouse).acknowledge(id, by: person, at: environment.now()) else {
                return noSuchAlert(id, request: request, context: context, environment: environment)
            }
            return back(to: form["next"])
        }
        router.post(RouterPath(SiteRoute.snoozeAlert.path)) { request, context -> Response in
            var request = request
            let form = try await FormFields.read(&request)
            let id = form["id"] ?? ""
            let hours = min(max(Int(form["hours"] ?? "") ?? 24, 1), maximumSnoozeHours)
            let until = environment.now().addingTimeInterval(TimeInterval(hours * 3_600))
            guard try await AlertStore(warehouse: environment.warehouse).snooze(id, until: until) else {
                return noSuchAlert(id, request: request, context: context, environment: environment)
            }
            return back(to: form["next"])
        }
    }

    private static func noSuchAlert(_ id: String, request: Request, context: DashboardRequestContext,
                                    environment: DashboardEnvironment) -> Response {
        ErrorResponse.response(status: .notFound, message: .localized(.errorNoSuchAlert, ["value": String(id.prefix(64))]),
                               today: environment.today, request: request, context: context)
    }

    /// A 303 to the Alerts page the form was on (never to another site).
    private static func back(to next: String?) -> Response {
        let target = next.map(SignInRoutes.safeNext) ?? AlertsPage.id.path
        var response = Response(status: .seeOther, headers: HTMLResponse.securityHeaders)
        response.headers[.location] = target == "/" ? AlertsPage.id.path : target
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
