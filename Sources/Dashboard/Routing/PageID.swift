/// Every page of the dashboard. A new page is a case here and a line in `PageRegistry`; its routes, its CSV and
/// JSON variants and its place in the navigation follow.
public enum PageID: String, CaseIterable, Sendable, Hashable {
    case executive
    case shops
    case products
    case ads
    /// The ads deep dives: one page for Meta, one for Google, one for the other ad platforms.
    case adsFacebook = "ads-facebook"
    case adsGoogle = "ads-google"
    case adsOthers = "ads-others"
    case website
    case attribution
    case alerts
    /// Sync runs, freshness, provisional days, tokens, rejected records and the timetable: how the data got here.
    case operations

    /// The HTML page's path; the Executive overview is the home page.
    public var path: String { self == .executive ? "/" : "/\(rawValue)" }
}

/// The forms a page is served in, all from the same `Model`.
public enum PageFormat: String, CaseIterable, Sendable, Hashable {
    case html, csv, json

    /// The path of `page` in this format: `/executive.csv`.
    func path(_ page: PageID) -> String {
        switch self {
        case .html: page.path
        case .csv, .json: "/\(page.rawValue).\(rawValue)"
        }
    }
}
