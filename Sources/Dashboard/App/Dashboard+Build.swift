import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import OmnidashCore

/// Builds the dashboard's router: every registered page in each of its formats, the assets, the health check and
/// sign-in, each page answering GET and HEAD to a signed-in reader only, with one log line per request and errors
/// in the format asked for.
public func buildRouter(_ environment: DashboardEnvironment) -> Router<DashboardRequestContext> {
    let router = Router(context: DashboardRequestContext.self, options: .autoGenerateHeadEndpoints)
    // Outermost first: the log sees the final status; HEAD empties error answers too.
    router.add(middleware: RequestLogMiddleware(logger: environment.logger))
    router.add(middleware: PageMetricsMiddleware(factory: environment.metricsFactory))
    router.add(middleware: HTTPMethodMiddleware(paths: Set(SiteRoute.allPaths), environment: environment))
    router.add(middleware: ErrorResponseMiddleware(environment: environment))
    router.add(middleware: SignInMiddleware(environment: environment))
    SignInRoutes.register(on: router, environment: environment)
    AlertActionRoutes.register(on: router, environment: environment)
    for page in PageRegistry.pages { register(page, on: router, environment: environment) }
    router.get(RouterPath(SiteRoute.stylesheet.path)) { _, _ in AssetResponse(.stylesheet) }
    router.get(RouterPath(SiteRoute.script.path)) { _, _ in AssetResponse(.script) }
    router.get(RouterPath(SiteRoute.icon.path)) { _, _ in AssetResponse(.icon) }
    router.get(RouterPath(SiteRoute.favicon.path)) { _, _ in AssetResponse(.icon) }
    router.get(RouterPath(SiteRoute.health.path)) { _, _ -> Response in
        _ = try await environment.warehouse.scalar("SELECT 1")
        return DataResponse.json(Data(#"{"status":"ok"}"#.utf8))
    }
    MetricsEndpoint.register(on: router, environment: environment)
    return router
}

/// The page's HTML, CSV and JSON routes, each reading the page's one `Model` through its one `query`.
private func register<Page: DashboardPage>(_ page: Page.Type, on router: Router<DashboardRequestContext>,
                                           environment: DashboardEnvironment) {
    @Sendable func model(_ request: Request) async throws -> (Page.Model, DashboardFilters) {
        let filters = try DashboardFilters(query: request.uri.queryDictionary, today: environment.today)
        return (try await Page.query(environment, filters: filters), filters)
    }
    // Only the HTML page has a language; the CSV and JSON are the same for every reader, so `?lang=` means nothing there.
    router.get(RouterPath(PageFormat.html.path(Page.id))) { request, context -> Response in
        let preference = try LanguagePreference(request: request)
        var response = HTMLResponse(Page.view(try await model(request).0, language: preference.language))
            .response(from: request, context: context)
        response.headers[.contentLanguage] = preference.language.code
        if preference.isFromParameter { response.setCookie(preference.cookie) }
        return response
    }
    router.get(RouterPath(PageFormat.csv.path(Page.id))) { request, _ -> Response in
        let (model, filters) = try await model(request)
        // A viewer's CSV lacks the cost, fee, profit and margin columns, header and all.
        let csv = CostFigures.hidden ? CostFigures.strip(csv: Page.csv(model)) : Page.csv(model)
        return DataResponse.csv(csv, fileName: "omnidash-\(Page.id.rawValue)-\(filters.range.start)-\(filters.range.end).csv")
    }
    router.get(RouterPath(PageFormat.json.path(Page.id))) { request, _ -> Response in
        DataResponse.json(try Page.json(try await model(request).0, currency: environment.currency))
    }
}

/// Builds the dashboard application: the router, bound to `host:port` (loopback unless told otherwise).
///
/// - Parameter onServerRunning: Called with the bound port once the server listens (port 0 picks a free one).
public func buildApplication(host: String, port: Int, environment: DashboardEnvironment,
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
    Application(router: buildRouter(environment),
                configuration: .init(address: .hostname(host, port: port), serverName: "Omnidash"),
                onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
                logger: environment.logger)
}

extension HummingbirdCore.URI {
    /// The query string as a dictionary; the first value wins for a repeated name.
    var queryDictionary: [String: String] {
        var result: [String: String] = [:]
        for (name, value) in queryParameters where result[String(name)] == nil {
            result[String(name)] = String(value)
        }
        return result
    }
}
