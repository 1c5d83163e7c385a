/// Replaces `${NAME}` references in one configuration value with values from the environment.
///
/// Secrets are written in `omnidash.yaml` only as references, so the file can be committed. Interpolation
/// runs on parsed values, not on the file's text, so a secret containing `:` or `#` cannot change the
/// file's structure.
public enum EnvironmentInterpolation {
    /// - Parameters:
    ///   - value: A configuration value such as `${PARTNER_KEY}` or `https://${HOST}/api`.
    ///   - environment: The process environment.
    ///   - location: Where the value was read (`omnidash.yaml:12: secrets.pii_key`), for the error.
    /// - Throws: `ConfigurationError` naming every variable that is not set.
    public static func expand(_ value: String, environment: [String: String], location: String) throws(ConfigurationError) -> String {
        guard value.contains("${") else { return value }
        var output = ""
        var missing: [String] = []
        var rest = value[...]
        while let open = rest.range(of: "${") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                throw ConfigurationError("\(location): unterminated ${ in '\(value)'")
            }
            let name = String(rest[open.upperBound..<close])
            if let resolved = environment[name] {
                output += resolved
            } else {
                missing.append("\(location): environment variable \(name) is not set")
            }
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        if !missing.isEmpty { throw ConfigurationError(missing) }
        return output
    }
}
