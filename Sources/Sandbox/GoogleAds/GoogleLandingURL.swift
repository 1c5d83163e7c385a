/// A landing URL split as Google Ads keeps it: the final URL (the page) and the final URL suffix (the query of
/// tracking parameters Google appends when a person clicks).
struct GoogleLandingURL: Sendable, Equatable {
    let finalURL: String
    /// The `key=value` pairs of the query, in order.
    let parameters: [String]

    init(_ url: String) {
        guard let mark = url.firstIndex(of: "?") else {
            finalURL = url
            parameters = []
            return
        }
        finalURL = String(url[..<mark])
        parameters = url[url.index(after: mark)...].split(separator: "&").map(String.init)
    }

    /// The ad's own suffix: its whole query when the campaign's suffix does not already give it exactly, else empty (the
    /// ad takes the campaign's).
    func adSuffix(campaignSuffix: String) -> String {
        let own = parameters.joined(separator: "&")
        return own == campaignSuffix ? "" : own
    }
}
