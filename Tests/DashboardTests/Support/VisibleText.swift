import Foundation

/// The words a reader sees or hears on a rendered page, for checking that a Thai page has no English left in it.
enum VisibleText {
    /// Text nodes and the attributes read out or shown as tooltips (`aria-label`, `title`), with `<code>` left out
    /// (commands are typed as they are in every language) and entities decoded.
    static func of(_ html: String) -> String {
        var markup = html.replacingOccurrences(of: #"<code>[^<]*</code>"#, with: " ", options: .regularExpression)
        var parts: [String] = []
        for attribute in ["aria-label", "title"] {
            let pattern = try! NSRegularExpression(pattern: " \(attribute)=\"([^\"]*)\"")
            let range = NSRange(markup.startIndex..., in: markup)
            for match in pattern.matches(in: markup, range: range) {
                parts.append(String(markup[Range(match.range(at: 1), in: markup)!]))
            }
        }
        // Tags go; what is left between them is text.
        markup = markup.replacingOccurrences(of: #"<[^>]*>"#, with: "\n", options: .regularExpression)
        parts.append(markup)
        return parts.joined(separator: "\n")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The Latin-script words in `html`'s visible text once `data` (names that stay as they are: platforms, shops,
    /// products, SKUs) is taken out, other than the abbreviations Thai reports keep and compact amounts' `k`/`M`.
    static func englishWords(in html: String, data: [String]) -> Set<String> {
        var text = of(html)
        // Longest first, so "TikTok Shop" goes before a shorter name inside it.
        for name in data.sorted(by: { $0.count > $1.count }) { text = text.replacingOccurrences(of: name, with: " ") }
        text = text.replacingOccurrences(of: #"(?<=[0-9])[kMBT]\b"#, with: " ", options: .regularExpression)
        let words = text.matches(of: /[A-Za-z][A-Za-z]*/).map { String($0.output) }
        return Set(words).subtracting(allowedWords)
    }

    /// Names and abbreviations that a Thai page writes in Latin letters on purpose: the product's name, the language
    /// switch's "English", the currency and time zone codes, file formats, the ad metrics' usual abbreviations and the
    /// ad platforms' brand names in the deep dives' titles.
    static let allowedWords: Set<String> = [
        "Omnidash", "English", "THB", "UTC", "CSV", "JSON", "ROAS", "CPA", "CTR", "CVR", "CPC", "CPM", "MER", "SKU",
        "Facebook", "Google", "TikTok",
    ]
}
