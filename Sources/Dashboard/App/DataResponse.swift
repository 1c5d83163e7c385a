import Foundation
import Hummingbird

/// CSV, JSON and plain-text responses, with the same security headers as the pages.
enum DataResponse {
    static func csv(_ text: String, fileName: String) -> Response {
        var response = make(.ok, contentType: "text/csv; charset=utf-8", body: ByteBuffer(string: text))
        response.headers[.contentDisposition] = "attachment; filename=\"\(fileName)\""
        return response
    }

    static func json(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        make(status, contentType: "application/json; charset=utf-8", body: ByteBuffer(bytes: data))
    }

    static func plainText(_ text: String, status: HTTPResponse.Status) -> Response {
        make(status, contentType: "text/plain; charset=utf-8", body: ByteBuffer(string: text))
    }

    private static func make(_ status: HTTPResponse.Status, contentType: String, body: ByteBuffer) -> Response {
        var headers = HTMLResponse.securityHeaders
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }
}
