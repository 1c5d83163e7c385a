import Foundation
import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body, the only kind the dashboard's forms send.
struct FormFields: Sendable {
    /// Forms carry a name, a password and a token or two: anything larger is not one of them.
    static let maximumBodySize = 16 * 1024

    var values: [String: String]

    subscript(_ name: String) -> String? { values[name] }

    /// Reads the body, leaving it readable again for the handler after the middleware.
    static func read(_ request: inout Request) async throws -> FormFields {
        let buffer = try await request.collectBody(upTo: maximumBodySize)
        return FormFields(decoding: String(buffer: buffer))
    }

    init(decoding body: String) {
        var values: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            let name = decode(parts[0])
            if values[name] == nil { values[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        self.values = values
    }
}
