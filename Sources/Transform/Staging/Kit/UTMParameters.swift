import Foundation

/// The UTM parameters of a landing URL, percent-decoded; `nil` where the URL does not carry one.
struct UTMParameters: Sendable, Equatable {
    var source: String?
    var medium: String?
    var campaign: String?
    var id: String?
    var term: String?
    var content: String?

    init(url: String) {
        // Only the query matters; a fragment after it is not sent to the site.
        guard let queryStart = url.firstIndex(of: "?") else { return }
        let query = url[url.index(after: queryStart)...].prefix { $0 != "#" }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            let value = String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(parts[1])
            guard !value.isEmpty else { continue }
            switch parts[0].lowercased() {
            case "utm_source": source = value
            case "utm_medium": medium = value
            case "utm_campaign": campaign = value
            case "utm_id": id = value
            case "utm_term": term = value
            case "utm_content": content = value
            default: continue
            }
        }
    }
}
