/// One attribute of an element. The value is escaped when rendered; a `nil` value is a boolean attribute
/// written by its name alone (`selected`, `defer`).
public struct HTMLAttribute: Sendable, Hashable {
    public var name: String
    public var value: String?

    /// - Parameters:
    ///   - name: a constant attribute name (`"class"`, `"aria-label"`).
    ///   - value: the value, any text; `nil` for a boolean attribute.
    public init(_ name: String, _ value: String?) {
        assert(HTMLNode.isValidName(name), "invalid attribute name '\(name)'")
        self.name = name
        self.value = value
    }
}

// MARK: - HTML attributes

extension HTMLAttribute {
    public static func `class`(_ names: String...) -> HTMLAttribute {
        HTMLAttribute("class", names.filter { !$0.isEmpty }.joined(separator: " "))
    }
    public static func id(_ id: String) -> HTMLAttribute { HTMLAttribute("id", id) }
    public static func lang(_ code: String) -> HTMLAttribute { HTMLAttribute("lang", code) }
    public static func title(_ text: String) -> HTMLAttribute { HTMLAttribute("title", text) }
    public static func role(_ role: String) -> HTMLAttribute { HTMLAttribute("role", role) }
    public static func name(_ name: String) -> HTMLAttribute { HTMLAttribute("name", name) }
    public static func value(_ value: String) -> HTMLAttribute { HTMLAttribute("value", value) }
    public static func type(_ type: String) -> HTMLAttribute { HTMLAttribute("type", type) }
    public static func rel(_ rel: String) -> HTMLAttribute { HTMLAttribute("rel", rel) }
    public static func charset(_ charset: String) -> HTMLAttribute { HTMLAttribute("charset", charset) }
    public static func content(_ content: String) -> HTMLAttribute { HTMLAttribute("content", content) }
    public static func method(_ method: String) -> HTMLAttribute { HTMLAttribute("method", method) }
    public static func `for`(_ id: String) -> HTMLAttribute { HTMLAttribute("for", id) }
    public static func scope(_ scope: String) -> HTMLAttribute { HTMLAttribute("scope", scope) }
    public static func datetime(_ value: String) -> HTMLAttribute { HTMLAttribute("datetime", value) }
    public static func min(_ value: String) -> HTMLAttribute { HTMLAttribute("min", value) }
    public static func max(_ value: String) -> HTMLAttribute { HTMLAttribute("max", value) }
    public static func tabindex(_ value: Int) -> HTMLAttribute { HTMLAttribute("tabindex", String(value)) }
    /// `data-<key>`: a value for the script or for tests, such as a table cell's sort key.
    public static func data(_ key: String, _ value: String) -> HTMLAttribute { HTMLAttribute("data-" + key, value) }

    /// `aria-<key>`.
    public static func aria(_ key: String, _ value: String) -> HTMLAttribute { HTMLAttribute("aria-" + key, value) }
    public static func ariaLabel(_ text: String) -> HTMLAttribute { aria("label", text) }
    public static func ariaLabelledBy(_ id: String) -> HTMLAttribute { aria("labelledby", id) }
    public static func ariaHidden() -> HTMLAttribute { aria("hidden", "true") }

    public static let `defer` = HTMLAttribute("defer", nil)
    public static let selected = HTMLAttribute("selected", nil)
    public static let required = HTMLAttribute("required", nil)
    public static let download = HTMLAttribute("download", nil)

    // Links, sources and form targets take a route, never a string, so every URL comes from `SiteRoute`.

    /// `href` of a link to a dashboard route, with its query string.
    public static func href(_ route: SiteRoute) -> HTMLAttribute { HTMLAttribute("href", route.url) }
    /// `href` of a link to a dashboard route shown in another language (the language switch).
    public static func href(_ route: SiteRoute, switchingTo language: Language) -> HTMLAttribute {
        HTMLAttribute("href", route.url(switchingTo: language))
    }
    /// `hreflang` of a link to a page in another language.
    public static func hreflang(_ language: Language) -> HTMLAttribute { HTMLAttribute("hreflang", language.code) }
    /// `href` of a link to an element of the same page (`#main`).
    public static func href(fragment id: String) -> HTMLAttribute { HTMLAttribute("href", "#" + id) }
    /// `src` of a script served by the dashboard.
    public static func src(_ route: SiteRoute) -> HTMLAttribute { HTMLAttribute("src", route.url) }
    /// `action` of a form: the route's path, since a GET form replaces the query string with its fields.
    public static func action(_ route: SiteRoute) -> HTMLAttribute { HTMLAttribute("action", route.path) }
}

// MARK: - SVG attributes

extension HTMLAttribute {
    /// `viewBox="0 0 width height"`.
    public static func viewBox(width: Double, height: Double) -> HTMLAttribute {
        HTMLAttribute("viewBox", "0 0 \(svgNumber(width)) \(svgNumber(height))")
    }
    public static func x(_ value: Double) -> HTMLAttribute { HTMLAttribute("x", svgNumber(value)) }
    public static func y(_ value: Double) -> HTMLAttribute { HTMLAttribute("y", svgNumber(value)) }
    public static func x1(_ value: Double) -> HTMLAttribute { HTMLAttribute("x1", svgNumber(value)) }
    public static func y1(_ value: Double) -> HTMLAttribute { HTMLAttribute("y1", svgNumber(value)) }
    public static func x2(_ value: Double) -> HTMLAttribute { HTMLAttribute("x2", svgNumber(value)) }
    public static func y2(_ value: Double) -> HTMLAttribute { HTMLAttribute("y2", svgNumber(value)) }
    public static func cx(_ value: Double) -> HTMLAttribute { HTMLAttribute("cx", svgNumber(value)) }
    public static func cy(_ value: Double) -> HTMLAttribute { HTMLAttribute("cy", svgNumber(value)) }
    public static func r(_ value: Double) -> HTMLAttribute { HTMLAttribute("r", svgNumber(value)) }
    public static func width(_ value: Double) -> HTMLAttribute { HTMLAttribute("width", svgNumber(value)) }
    public static func height(_ value: Double) -> HTMLAttribute { HTMLAttribute("height", svgNumber(value)) }
    /// `points` of a polyline.
    public static func points(_ points: [(x: Double, y: Double)]) -> HTMLAttribute {
        HTMLAttribute("points", points.map { "\(svgNumber($0.x)),\(svgNumber($0.y))" }.joined(separator: " "))
    }
    /// `d` of a path, already written with `svgNumber`.
    public static func d(_ path: String) -> HTMLAttribute { HTMLAttribute("d", path) }
    public static func textAnchor(_ anchor: String) -> HTMLAttribute { HTMLAttribute("text-anchor", anchor) }
    public static func preserveAspectRatio(_ value: String) -> HTMLAttribute { HTMLAttribute("preserveAspectRatio", value) }
    public static func fill(_ paint: String) -> HTMLAttribute { HTMLAttribute("fill", paint) }

    /// A coordinate as SVG wants it: at most two decimals, no trailing zeros, never `-0`, `nan` or `inf`
    /// (a non-finite value, which only a bug upstream can produce, is drawn at 0 rather than breaking the image).
    public static func svgNumber(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "0" }
        let hundredths = Int64((value * 100).rounded())
        guard hundredths != 0 else { return "0" }
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
