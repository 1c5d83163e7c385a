import Foundation
import Hummingbird
import OmnidashCore

/// An error answered in the form the request asked for, so a script reading `/executive.json` never has to parse
/// an HTML page: the error page for a page, `{"error": {"status": 400, "message": "…"}}` for JSON, and one line
/// of plain text for CSV.
///
/// CSV errors are `text/plain`, not `text/csv`: a message is not a table, and a spreadsheet or a script that
/// trusts the content type would otherwise import the message as data. Without `Content-Disposition` a browser
/// shows the line instead of saving it under a report's file name.
enum ErrorResponse {
    /// The form an error takes for a request path: by its extension, with the health check being JSON.
    enum Form: Equatable {
        case html, plainText, json

        init(path: String) {
            if path.hasSuffix(".json") || path == SiteRoute.health.path {
                self = .json
            } else if path.hasSuffix(".csv") {
                self = .plainText
            } else {
                self = .html
            }
        }
    }

    /// - Parameters:
    ///   - message: said in the request's language on the error page, in English in JSON and plain text.
    ///   - headers: extra headers the error needs (`Allow` on a 405).
    static func response(status: HTTPResponse.Status, message: ErrorMessage, headers: HTTPFields = [:], today: BusinessDate,
                         request: Request, context: some RequestContext) -> Response {
        var response: Response
        switch Form(path: request.uri.path) {
        case .html:
            response = ErrorPage.response(status: status, message: message, today: today, request: request, context: context)
        case .plainText:
            response = DataResponse.plainText(message.text(in: .en) + "\n", status: status)
        case .json:
            response = DataResponse.json(json(status: status, message: message.text(in: .en)), status: status)
        }
        for field in headers { response.headers[field.name] = field.value }
        return response
    }

    /// `{"error":{"message":"…","status":400}}`.
    static func json(status: HTTPResponse.Status, message: String) -> Data {
        struct Document: Encodable {
            struct Detail: Encodable {
                let status: Int
                let message: String
            }
            let error: Detail
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding two plain values cannot fail; the fallback only keeps the signature free of `throws`.
        return (try? encoder.encode(Document(error: .init(status: status.code, message: message))))
            ?? Data(#"{"error":{"status":\#(status.code)}}"#.utf8)
    }
}
