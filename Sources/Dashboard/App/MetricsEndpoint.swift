import Crypto
import Foundation
import Hummingbird

/// `GET /metrics`: the process's metrics in Prometheus' text exposition format. It needs no session (a scraper has
/// none), but when `dashboard.metrics_token` is set it answers only `Authorization: Bearer <token>`.
enum MetricsEndpoint {
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    static func register(on router: Router<DashboardRequestContext>, environment: DashboardEnvironment) {
        router.get(RouterPath(SiteRoute.metrics.path)) { request, _ -> Response in
            guard isAuthorized(request.headers[.authorization], token: environment.settings.metricsToken) else {
                var response = response(.unauthorized, contentType: "text/plain; charset=utf-8",
                                        text: "/metrics: send the configured dashboard.metrics_token as Authorization: Bearer TOKEN\n")
                response.headers[.wwwAuthenticate] = #"Bearer realm="omnidash metrics""#
                return response
            }
            return response(.ok, contentType: contentType, text: environment.metricsText?() ?? "")
        }
    }

    /// Open when no token is configured; otherwise the header must be `Bearer <token>`, compared in constant time so
    /// the answer's timing does not give the token away a byte at a time.
    static func isAuthorized(_ header: String?, token: String?) -> Bool {
        guard let token else { return true }
        let prefix = "Bearer "
        guard let header, header.count > prefix.count, header.lowercased().hasPrefix(prefix.lowercased()) else { return false }
        let presented = header.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        // Digests have one length whatever was sent, so neither the length nor the first differing byte shows.
        let expected = SHA256.hash(data: Data(token.utf8)), given = SHA256.hash(data: Data(presented.utf8))
        var difference: UInt8 = 0
        for (left, right) in zip(expected, given) { difference |= left ^ right }
        return difference == 0 && !presented.isEmpty
    }

    private static func response(_ status: HTTPResponse.Status, contentType: String, text: String) -> Response {
        var headers = HTMLResponse.securityHeaders
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
