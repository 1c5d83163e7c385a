import Foundation

/// List parameters as clients send them: TikTok's documented JSON array text (`["ad_id","stat_time_day"]`), the
/// official SDK's repeated keys (`dimensions=ad_id&dimensions=stat_time_day`), or a Python list's text with single
/// quotes, as some connectors send it.
enum TikTokListParameter {
    /// The list's items as text (numbers keep their digits), `nil` when the parameter is absent.
    static func strings(_ query: QueryParameters, _ name: String) throws -> [String]? {
        let values = query.all(name)
        guard let first = values.first else { return nil }
        if values.count > 1 { return values }
        let text = first.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("[") else { return text.isEmpty ? [] : [text] }
        let json = text.contains("\"") ? text : text.replacingOccurrences(of: "'", with: "\"")
        guard let array = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any] else {
            throw TikTokAdsError.parameter(name, "Not a valid list.")
        }
        return try array.map { item in
            if let string = item as? String { return string }
            if let number = item as? NSNumber, !(item is Bool) { return number.stringValue }
            throw TikTokAdsError.parameter(name, "Not a valid list of strings.")
        }
    }

    /// `fields`: each must be one of `allowed`.
    static func fields(_ query: QueryParameters, allowed: [String]) throws -> [String]? {
        guard let fields = try strings(query, "fields") else { return nil }
        if let unknown = fields.first(where: { !allowed.contains($0) }) {
            throw TikTokAdsError.parameter("fields", "Invalid field: \(unknown).")
        }
        return fields
    }

    /// `filtering` of the entity endpoints: a JSON object, e.g. `{"campaign_ids":["17…"]}`.
    static func filtering(_ query: QueryParameters) throws -> [String: Any] {
        guard let text = query["filtering"], !text.isEmpty else { return [:] }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw TikTokAdsError.parameter("filtering", "Not a valid JSON object.")
        }
        return object
    }

    /// The ids listed under `key` of a filtering object, as text.
    static func ids(_ filtering: [String: Any], _ key: String) throws -> Set<String>? {
        guard let value = filtering[key] else { return nil }
        guard let array = value as? [Any] else { throw TikTokAdsError.parameter("filtering.\(key)", "Not a valid list.") }
        return Set(array.map { ($0 as? String) ?? (($0 as? NSNumber)?.stringValue ?? "\($0)") })
    }
}
