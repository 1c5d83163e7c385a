import Foundation

/// Light structural checks on rendered markup, enough to catch a builder bug without an HTML parser.
enum MarkupCheck {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// The first problem with the tag structure (`</g> closes <svg>`), or `nil` when every start tag is closed
    /// in order. Skips the doctype; assumes text and attribute values are escaped, as the renderer does.
    static func tagProblem(_ markup: String) -> String? {
        var stack: [String] = []
        var rest = Substring(markup)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { return "unterminated tag" }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!") { continue }
            if tag.hasPrefix("/") {
                let name = String(tag.dropFirst())
                guard let top = stack.popLast() else { return "</\(name)> closes nothing" }
                guard top == name else { return "</\(name)> closes <\(top)>" }
                continue
            }
            let name = String(tag.prefix { $0 != " " && $0 != "/" })
            if tag.hasSuffix("/") || voidElements.contains(name) { continue }
            stack.append(name)
        }
        return stack.isEmpty ? nil : "<\(stack.last!)> is never closed"
    }

    /// Every attribute value in the markup (the text between `="` and the next `"`).
    static func attributeValues(_ markup: String) -> [Substring] {
        markup.split(separator: "=\"", omittingEmptySubsequences: false).dropFirst().map { $0.prefix { $0 != "\"" } }
    }

    /// Whether the markup has a `<script>` without `src`, that is, inline script.
    static func hasInlineScript(_ markup: String) -> Bool {
        markup.components(separatedBy: "<script").dropFirst().contains { tag in
            let head = tag.prefix { $0 != ">" }
            let body = tag.drop { $0 != ">" }.dropFirst()
            return !head.contains(" src=\"") || !body.hasPrefix("</script>")
        }
    }
}
