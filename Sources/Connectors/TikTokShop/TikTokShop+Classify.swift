import Foundation
import OmnidashCore

extension TikTokShop {
    struct ErrorFields: Decodable {
        let code: Int?
        let message: String?
    }

    /// Reads a TikTok Shop response (ecommerce-apis.md §3.6): `code` 0 is success; HTTP 429 and 36009002 are
    /// throttling; 5xx and 36009003 (internal error) are transient; 105002 (expired access token) asks for a refresh;
    /// 106001 (bad sign), 36009004 (bad credentials or timestamp), 36004001/36004005 (refresh token expired or
    /// unknown) and 105005 (missing scope) are authentication failures; anything else is a permanent failure.
    static func classify(_ response: HTTPResponseValue, endpoint: String) -> ResponseVerdict {
        let fields = try? JSONDecoder().decode(ErrorFields.self, from: response.body)
        let code = fields?.code
        let message = fields?.message ?? ""
        func error(_ kind: ConnectorError.Kind) -> ConnectorError {
            ConnectorError(kind, platform: .tiktokShop, endpoint: endpoint, code: code.map(String.init),
                           message: message.isEmpty ? "HTTP \(response.status) without an error message" : message,
                           httpStatus: response.status)
        }
        if code == 0 && (200..<300).contains(response.status) { return .success }
        if response.status == 429 || code == 36009002 {
            return .throttled(reason: code.map { "\($0): \(message)" } ?? "HTTP 429", after: nil)
        }
        if response.status >= 500 || code == 36009003 || code == 36009007 {
            return .transient(reason: code.map { "\($0): \(message)" } ?? "HTTP \(response.status)", after: nil)
        }
        if code == 105002 { return .refreshCredentials(error(.authentication)) }
        if let code, [106001, 36009004, 36004001, 36004005, 105005, 101000].contains(code) { return .fail(error(.authentication)) }
        guard fields?.code != nil else {
            return .fail(ConnectorError(.invalidResponse, platform: .tiktokShop, endpoint: endpoint,
                                        message: "the response is not TikTok Shop's JSON envelope", httpStatus: response.status))
        }
        return .fail(error(.rejected))
    }
}
