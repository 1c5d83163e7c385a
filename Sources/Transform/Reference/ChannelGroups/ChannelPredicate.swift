import Foundation

/// One condition of a channel rule, over the session's source, medium and campaign name. Matching is
/// case-insensitive: values are lowercased once before any rule is tried.
public indirect enum ChannelPredicate: Sendable {
    case all([ChannelPredicate])
    case any([ChannelPredicate])
    case source(ChannelMatch)
    case medium(ChannelMatch)
    case campaign(ChannelMatch)

    func holds(for values: ChannelInput) -> Bool {
        switch self {
        case .all(let parts): parts.allSatisfy { $0.holds(for: values) }
        case .any(let parts): parts.contains { $0.holds(for: values) }
        case .source(let match): match.matches(values.source)
        case .medium(let match): match.matches(values.medium)
        case .campaign(let match): match.matches(values.campaign)
        }
    }
}

/// How one field is compared. Every literal here is lowercase.
public enum ChannelMatch: Sendable {
    case oneOf(Set<String>)
    case contains(String)
    case hasSuffix(String)
    /// A whole-value regular expression as Google writes it on the help page.
    case pattern(ChannelPattern)
    /// The value is a site of the list: the entry itself or one of its subdomains (`l.facebook.com`), and for a
    /// bare name (`facebook`) any host that has it as a label (`facebook.com`, `google.co.th`).
    case site(Set<String>)

    func matches(_ value: String) -> Bool {
        switch self {
        case .oneOf(let values): values.contains(value)
        case .contains(let part): value.contains(part)
        case .hasSuffix(let suffix): value.hasSuffix(suffix)
        case .pattern(let pattern): pattern.matches(value)
        case .site(let sites): Self.isSite(value, of: sites)
        }
    }

    private static func isSite(_ value: String, of sites: Set<String>) -> Bool {
        var host = value
        if let schemeEnd = host.range(of: "://") { host = String(host[schemeEnd.upperBound...]) }
        if let pathStart = host.firstIndex(of: "/") { host = String(host[..<pathStart]) }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        if sites.contains(host) { return true }
        let labels = host.split(separator: ".").map(String.init)
        // Every proper suffix of the host, `a.b.c` → `b.c`, `c`, for subdomains of dotted entries.
        for start in labels.indices.dropFirst() where sites.contains(labels[start...].joined(separator: ".")) {
            return true
        }
        return labels.count > 1 && labels.contains { sites.contains($0) }
    }
}

/// The session fields a rule looks at, lowercased and trimmed.
struct ChannelInput {
    let source: String
    let medium: String
    let campaign: String

    init(source: String, medium: String, campaign: String) {
        self.source = source.trimmingCharacters(in: .whitespaces).lowercased()
        self.medium = medium.trimmingCharacters(in: .whitespaces).lowercased()
        self.campaign = campaign.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
