/// The UTM parameters of one of the brand's landing URLs (the world writes them unencoded).
struct UTMTags: Sendable {
    var source: String?
    var medium: String?
    var campaign: String?
    var id: String?
    var content: String?

    init(url: String) {
        guard let query = url.split(separator: "?", maxSplits: 1).dropFirst().first else { return }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let value = String(parts[1])
            switch parts[0] {
            case "utm_source": source = value
            case "utm_medium": medium = value
            case "utm_campaign": campaign = value
            case "utm_id": id = value
            case "utm_content": content = value
            default: continue
            }
        }
    }
}
