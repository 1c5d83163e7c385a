/// Every URL the dashboard serves. Routes are registered from, and links are rendered from, this one enum,
/// so a view never spells a URL.
public enum SiteRoute: Hashable, Sendable {
    case page(PageID, PageFormat, DashboardFilters)
    case stylesheet
    case script
    case icon
    /// The icon again where a browser looks for it unasked.
    case favicon
    /// The health check, open without a session for uptime monitors.
    case health
    /// The Prometheus text exposition of the process's metrics, behind `dashboard.metrics_token` when one is set.
    case metrics
    /// The sign-in form (GET) and where it posts (POST).
    case signIn
    /// Ends the session (POST only).
    case signOut
    /// Acknowledges an alert (POST only, from the Alerts page).
    case acknowledgeAlert
    /// Snoozes an alert (POST only, from the Alerts page).
    case snoozeAlert

    public static func executive(_ filters: DashboardFilters) -> SiteRoute { .page(.executive, .html, filters) }
    public static func executiveCSV(_ filters: DashboardFilters) -> SiteRoute { .page(.executive, .csv, filters) }
    public static func executiveJSON(_ filters: DashboardFilters) -> SiteRoute { .page(.executive, .json, filters) }

    /// The path pattern the router registers.
    public var path: String {
        switch self {
        case .page(let page, let format, _): format.path(page)
        case .stylesheet: "/assets/omnidash.css"
        case .script: "/assets/omnidash.js"
        case .icon: "/assets/omnidash.svg"
        case .favicon: "/favicon.ico"
        case .health: "/healthz"
        case .metrics: "/metrics"
        case .signIn: "/sign-in"
        case .signOut: "/sign-out"
        case .acknowledgeAlert: "/alerts/ack"
        case .snoozeAlert: "/alerts/snooze"
        }
    }

    /// The path of every route the router registers: each page in each format, the assets, the health check.
    /// A request for one of these with a method other than GET or HEAD is a 405; any other path is a 404.
    public static var allPaths: [String] {
        PageRegistry.pages.flatMap { page in PageFormat.allCases.map { $0.path(page.id) } }
            + [SiteRoute.stylesheet, .script, .icon, .favicon, .health, .metrics, .signIn].map(\.path)
    }

    /// The paths that take POST (each form's target); every POST but `/sign-in` must carry the session's CSRF token.
    public static var postPaths: [String] {
        [SiteRoute.signIn, .signOut, .acknowledgeAlert, .snoozeAlert].map(\.path)
    }

    /// The paths served without a session: the health check, `/metrics` (behind its own bearer token), the
    /// sign-in form, and the assets the sign-in page itself needs.
    public static var openPaths: Set<String> {
        Set([SiteRoute.health, .metrics, .signIn, .stylesheet, .script, .icon, .favicon].map(\.path))
    }

    /// The page this route shows, in any format.
    public var page: PageID? {
        if case .page(let page, _, _) = self { return page }
        return nil
    }

    /// The link to this route, with its query string.
    public var url: String { url(extraItems: []) }

    /// The link to this route that also switches the page to `language` (`/?preset=last_7_days&lang=th`): the
    /// language switch's links. Every other link leaves the language out, since the `omnidash_lang` cookie that
    /// `?lang=` sets carries the choice from then on.
    public func url(switchingTo language: Language) -> String {
        url(extraItems: [(LanguagePreference.parameterName, language.code)])
    }

    private func url(extraItems: [(String, String)]) -> String {
        var items: [(String, String)]
        switch self {
        case .page(_, _, let filters): items = filters.queryItems
        case .stylesheet, .script, .icon, .favicon, .health, .metrics, .signIn, .signOut, .acknowledgeAlert, .snoozeAlert: items = []
        }
        items += extraItems
        guard !items.isEmpty else { return path }
        return path + "?" + items.map { "\(SiteRoute.escape($0.0))=\(SiteRoute.escape($0.1))" }.joined(separator: "&")
    }

    /// The sign-in form that returns to `next` (a path with its query) once signed in.
    public static func signInURL(next: String) -> String {
        SiteRoute.signIn.path + "?next=" + escape(next)
    }

    private static func escape(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return output
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
