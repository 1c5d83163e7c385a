import Foundation
import OmnidashCore

/// Decodes a platform response, turning a decoding failure into a `ConnectorError` that names the field.
func decodeResponse<T: Decodable>(_ type: T.Type, _ body: Data, platform: Platform, endpoint: String) throws -> T {
    do {
        return try JSONDecoder().decode(type, from: body)
    } catch let error as DecodingError {
        throw ConnectorError(.invalidResponse, platform: platform, endpoint: endpoint, message: error.oneLine)
    }
}
