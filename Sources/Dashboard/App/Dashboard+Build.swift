import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import OmnidashCore

/// Builds the dashboard's router: every route of `SiteRoute`, each handler a query, a view and a response.
public func buildRouter(_ environment: DashboardEnvironment) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: ErrorPageMiddleware(environment: environment))
    let today: @Sendable () -> BusinessDate = { environment.today }

    router.get(RouterPath(SiteRoute.executive(.default(today: today())).path)) { request, _ -> HTMLResponse in
        let filters = try DashboardFilters(query: request.uri.queryDictionary, today: today())
        return HTMLResponse(ExecutiveOverview.view(try await ExecutiveOverview.query(environment.warehouse, filters: filters)))
    }
    router.get(RouterPath(SiteRoute.executiveCSV(.default(today: today())).path)) { request, _ -> Response in
        let filters = try DashboardFilters(query: request.uri.queryDictionary, today: today())
        let model = try await ExecutiveOverview.query(environment.warehouse, filters: filters)
        return DataResponse.csv(ExecutiveOverview.csv(model), fileName: "omnidash-executive-\(filters.range.start)-\(filters.range.end).csv")
    }
    router.get(RouterPath(SiteRoute.executiveJSON(.default(today: today())).path)) { request, _ -> Response in
        let filters = try DashboardFilters(query: request.uri.queryDictionary, today: today())
        let model = try await ExecutiveOverview.query(environment.warehouse, filters: filters)
        return DataResponse.json(try ExecutiveOverview.json(model, currency: environment.currency))
    }
    router.get(RouterPath(SiteRoute.stylesheet.path)) { _, _ in AssetResponse(.stylesheet) }
    router.get(RouterPath(SiteRoute.script.path)) { _, _ in AssetResponse(.script) }
    router.get(RouterPath(SiteRoute.health.path)) { _, _ -> Response in
        _ = try await environment.warehouse.scalar("SELECT 1")
        return DataResponse.json(Data(#"{"status":"ok"}"#.utf8))
    }
    return router
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
