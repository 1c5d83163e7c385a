import Foundation

/// A `fields` parameter with Graph's field expansion: `id,name,creative{id,url_tags,object_story_spec{link_data{link}}}`
/// names the fields of a node and, in braces, the fields of the node (or struct) a field holds.
struct GraphFieldSelection: Sendable, Equatable {
    /// The selected fields in the order they were written.
    private(set) var names: [String] = []
    /// The selection inside a field's braces; a field selected without braces has none.
    private(set) var nested: [String: GraphFieldSelection] = [:]

    /// Parses a `fields` value; `nil` when its braces do not balance or a name is empty.
    init?(_ text: String) {
        var characters = Substring(text)
        guard let selection = Self.parse(&characters, nested: false), characters.isEmpty else { return nil }
        self = selection
    }

    private init() {}

    func contains(_ name: String) -> Bool { names.contains(name) }

    /// The selection inside `name`'s braces, if any.
    func inside(_ name: String) -> GraphFieldSelection? { nested[name] }

    private static func parse(_ text: inout Substring, nested: Bool) -> GraphFieldSelection? {
        var selection = GraphFieldSelection()
        var name = ""
        func finish() -> Bool {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            name = ""
            guard !trimmed.isEmpty else { return false }
            if !selection.names.contains(trimmed) { selection.names.append(trimmed) }
            return true
        }
        while let character = text.popFirst() {
            switch character {
            case ",":
                // A trailing or doubled comma is tolerated, as Graph tolerates it.
                _ = finish()
            case "{":
                let field = name.trimmingCharacters(in: .whitespaces)
                guard finish(), let inner = parse(&text, nested: true) else { return nil }
                selection.nested[field] = inner
            case "}":
                guard nested else { return nil }
                _ = finish()
                return selection
            default:
                name.append(character)
            }
        }
        guard !nested else { return nil }
        _ = finish()
        return selection
    }
}
