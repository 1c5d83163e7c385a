import Foundation

/// Payloads captured verbatim from the platforms' documentation (shared/reference/payloads).
enum Fixtures {
    static func data(_ source: String, _ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/\(source)") else {
            throw FixtureMissing(name: "\(source)/\(name).json")
        }
        return try Data(contentsOf: url)
    }

    /// The payload files that wrap a body with `_http_status` and `_headers`.
    static func response(_ source: String, _ name: String) throws -> (status: Int, headers: [String: String], body: Data) {
        let object = try JSONSerialization.jsonObject(with: try data(source, name)) as! [String: Any]
        let body = try JSONSerialization.data(withJSONObject: object["body"]!)
        return (object["_http_status"] as? Int ?? 200, object["_headers"] as? [String: String] ?? [:], body)
    }

    struct FixtureMissing: Error { let name: String }
}
