extension Language {
    /// The text of `key` in this language, from the one translation table (`TextKey.translation`).
    public func text(_ key: TextKey) -> String {
        switch self {
        case .en: key.translation.english
        case .th: key.translation.thai
        }
    }

    /// The text of `key` with its `{name}` placeholders filled from `arguments`: `No data for {range}` with
    /// `["range": "1 Nov – 30 Nov 2026"]`. Arguments are inserted as they are, never read as placeholders themselves.
    public func text(_ key: TextKey, _ arguments: [String: String]) -> String {
        TextTemplate(text(key)).parts.map { part in
            switch part {
            case .literal(let text): text
            case .placeholder(let name): arguments[name] ?? placeholderMissing(name, key)
            }
        }.joined()
    }

    /// The text of `key` as nodes, each `{name}` placeholder replaced by the node given for it: a sentence with a
    /// `<code>` command or a `<strong>` figure in the middle, whose word order differs between the languages.
    public func markup(_ key: TextKey, _ nodes: [String: HTMLNode]) -> [HTMLNode] {
        TextTemplate(text(key)).parts.map { part in
            switch part {
            case .literal(let text): .text(text)
            case .placeholder(let name): nodes[name] ?? .text(placeholderMissing(name, key))
            }
        }
    }

    /// A placeholder nobody filled is a bug in a view; it shows as itself rather than crashing a page in production.
    private func placeholderMissing(_ name: String, _ key: TextKey) -> String {
        assertionFailure("no value for {\(name)} in \(key)")
        return "{\(name)}"
    }
}

/// A translated text split into literal runs and `{name}` placeholders.
struct TextTemplate: Hashable, Sendable {
    enum Part: Hashable, Sendable {
        case literal(String)
        case placeholder(String)
    }

    let parts: [Part]

    /// A `{` not closed by `}`, or around anything but letters, is literal text.
    init(_ text: String) {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"),
               case let name = rest[afterOpen..<close], !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isLetter }) {
                if !literal.isEmpty { parts.append(.literal(literal)) }
                literal = ""
                parts.append(.placeholder(String(name)))
                rest = rest[rest.index(after: close)...]
            } else {
                literal += "{"
                rest = rest[afterOpen...]
            }
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
    }

    /// The placeholders' names, in order.
    var placeholders: [String] {
        parts.compactMap { if case .placeholder(let name) = $0 { name } else { nil } }
    }
}
