/// `DecodingError` as one line that names the field: `item_list[1].model_quantity_purchased: expected Int, found a string`.
extension DecodingError {
    public var oneLine: String {
        switch self {
        case .typeMismatch(let type, let context):
            return "\(Self.path(context.codingPath)): expected \(type), \(Self.found(context))"
        case .valueNotFound(let type, let context):
            return "\(Self.path(context.codingPath)): expected \(type), found null"
        case .keyNotFound(let key, let context):
            return "\(Self.path(context.codingPath + [key])): missing"
        case .dataCorrupted(let context):
            return "\(Self.path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(self)"
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        guard !codingPath.isEmpty else { return "record" }
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    private static func found(_ context: Context) -> String {
        let description = context.debugDescription.lowercased()
        for kind in ["string", "number", "array", "dictionary", "bool", "null"] where description.contains("found \(kind)") || description.contains("\(kind) instead") {
            return "found \(kind == "dictionary" ? "an object" : "a \(kind)")"
        }
        return context.debugDescription
    }
}
