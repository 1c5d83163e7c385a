import Foundation
import Hummingbird

/// CSV and JSON responses, with the same security headers as the pages.
enum DataResponse {
    static func csv(_ text: String, fileName: String) -> Response {
        var headers = HTMLResponse.securityHeaders
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(fileName)\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ data: Data) -> Response {
        var headers = HTMLResponse.securityHeaders
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
