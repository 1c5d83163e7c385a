import Hummingbird
import Metrics

/// Times every page request as `omnidash_page_duration_seconds{page,format,status}`, a histogram per page, form and
/// answer. Only the registered pages are timed: a label per unknown path would let any scanner grow the metrics
/// without bound.
struct PageMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Each page's path in each form, to its labels.
    private let labels: [String: (page: String, format: String)]
    private let factory: (any MetricsFactory)?

    init(factory: (any MetricsFactory)?) {
        var labels: [String: (page: String, format: String)] = [:]
        for page in PageRegistry.pages {
            for format in PageFormat.allCases { labels[format.path(page.id)] = (page.id.rawValue, format.rawValue) }
        }
        self.labels = labels
        self.factory = factory
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let labels = labels[request.uri.path] else { return try await next(request, context) }
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(labels, status: response.status.code, duration: .now - started)
            return response
        } catch {
            record(labels, status: (error as? any HTTPResponseError)?.status.code ?? 500, duration: .now - started)
            throw error
        }
    }

    private func record(_ labels: (page: String, format: String), status: Int, duration: Duration) {
        Timer(label: "omnidash_page_duration_seconds",
              dimensions: [("page", labels.page), ("format", labels.format), ("status", String(status))],
              factory: factory ?? MetricsSystem.factory)
            .record(duration: duration)
    }
}
