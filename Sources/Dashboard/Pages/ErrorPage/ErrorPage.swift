import Hummingbird
import OmnidashCore

/// The page shown instead of one that failed: the status, a one-line explanation, and the way back, in the language
/// the request prefers.
enum ErrorPage {
    static func view(status: HTTPResponse.Status, message: String, today: BusinessDate, language: Language) -> HTMLNode {
        let filters = DashboardFilters.default(today: today)
        let name = statusName(status, language)
        // The switch leads to the Executive overview: an error page has no route of its own to show again.
        return Layout.page(title: name, language: language, alternate: .executive(filters),
                           navigation: Layout.navigation(current: nil, filters: filters, language: language)) {
            HTMLNode.h1 { "\(status.code) \(name)" }
            HTMLNode.p { message }
            HTMLNode.p { HTMLNode.a(.href(.executive(filters))) { language.text(.backToOverview) } }
        }
    }

    /// The status's name (`Not Found`, `ไม่พบหน้านี้`) for the statuses the dashboard answers with; any other is
    /// simply an error.
    static func statusName(_ status: HTTPResponse.Status, _ language: Language) -> String {
        switch status {
        case .badRequest: language.text(.statusBadRequest)
        case .notFound: language.text(.statusNotFound)
        case .methodNotAllowed: language.text(.statusMethodNotAllowed)
        case .internalServerError: language.text(.statusInternalServerError)
        default: language.text(.statusOther)
        }
    }

    static func response(status: HTTPResponse.Status, message: ErrorMessage, today: BusinessDate, request: Request,
                         context: some RequestContext) -> Response {
        let language = LanguagePreference.lenient(request)
        return HTMLResponse(view(status: status, message: message.text(in: language), today: today, language: language), status: status)
            .response(from: request, context: context)
    }
}
