import Hummingbird

/// A rendered page as a Hummingbird response: `text/html; charset=utf-8`, never cached (the figures are
/// private and change with every sync), and the security headers every dashboard response carries.
///
/// A handler returns it directly: `return HTMLResponse(ExecutiveOverview.view(model))`.
public struct HTMLResponse: ResponseGenerator, Sendable {
    /// Scripts and styles only from the dashboard's own asset routes, no inline code, no framing, forms only
    /// back to the dashboard; `data:` images leave room for an inline icon.
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; "
        + "base-uri 'none'; frame-ancestors 'none'"

    /// The headers every dashboard response carries (HTML, assets, CSV, JSON): the content-security policy,
    /// `X-Content-Type-Options: nosniff` and `Referrer-Policy: no-referrer` (a dashboard URL carries the filters
    /// a seller chose, which are nobody else's business).
    public static var securityHeaders: HTTPFields {
        var headers = HTTPFields()
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        // swift-http-types has no name for Referrer-Policy; the literal is a valid field name, hence the `!`.
        headers[.init("Referrer-Policy")!] = "no-referrer"
        return headers
    }

    public var status: HTTPResponse.Status
    /// The markup to send, rendered once.
    public var body: String

    /// - Parameters:
    ///   - document: the page, usually from `Layout.page`.
    ///   - status: `.ok`, or the error's status for an error page.
    public init(_ document: HTMLNode, status: HTTPResponse.Status = .ok) {
        self.status = status
        self.body = document.render()
    }

    public func response(from request: Request, context: some RequestContext) -> Response {
        let buffer = ByteBuffer(string: body)
        var headers = HTMLResponse.securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentLength] = String(buffer.readableBytes)
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }
}
