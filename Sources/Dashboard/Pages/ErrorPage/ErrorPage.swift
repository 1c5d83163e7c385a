import Hummingbird
import OmnidashCore

/// The page shown instead of one that failed: the status, a one-line explanation, and the way back.
enum ErrorPage {
    static func view(status: HTTPResponse.Status, message: String, today: BusinessDate) -> HTMLNode {
        let filters = DashboardFilters.default(today: today)
        return Layout.page(title: status.reasonPhrase, navigation: Layout.navigation(current: nil, filters: filters)) {
            HTMLNode.h1 { "\(status.code) \(status.reasonPhrase)" }
            HTMLNode.p { message }
            HTMLNode.p { HTMLNode.a(.href(.executive(filters))) { "Back to the Executive overview" } }
        }
    }

    static func response(status: HTTPResponse.Status, message: String, today: BusinessDate, request: Request,
                         context: some RequestContext) -> Response {
        HTMLResponse(view(status: status, message: message, today: today), status: status).response(from: request, context: context)
    }
}
