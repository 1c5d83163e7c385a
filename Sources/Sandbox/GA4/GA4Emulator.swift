import Foundation
import Hummingbird
import OmnidashCore

/// An emulator of the Google Analytics Data API v1beta and of Google's OAuth token endpoint for it (ads-apis.md §2,
/// §4): `POST /v1beta/properties/{id}:runReport`, `:batchRunReports` (up to 5 requests), `GET …/{id}/metadata`, and
/// `POST /oauth2/v4/token` with the refresh-token grant and the service-account JWT-bearer grant (RFC 7523).
///
/// Every report is computed from the world's website sessions. Written from Google's documentation, never from
/// Omnidash's connector: the two agree only through the wire format.
struct GA4Emulator: Emulator {
    static let credentialsType: any PlatformCredentials.Type = GA4SandboxCredentials.self

    static let apiPrefix = "/v1beta/properties/"
    /// The token endpoint's path (one of Google's own aliases; Google Ads' emulator has `/token`).
    static let tokenPath = "/oauth2/v4/token"
    /// A Sandbox-only request header lowering the cardinality limit, so a test can meet the "(other)" row.
    static let cardinalityHeader = "X-Sandbox-GA4-Cardinality-Limit"
    /// Requests `batchRunReports` takes at most.
    static let maxBatch = 5

    let world: SandboxWorld
    let secrets: GA4Secrets
    let faults: FaultInjector
    let clock: @Sendable () -> Date
    let serverURL: Locked<String>
    let quota = GA4PropertyQuota()

    init(_ context: EmulatorContext) {
        world = context.world
        secrets = GA4Secrets(seed: context.seed)
        faults = context.faults
        clock = context.clock
        serverURL = context.serverURL
    }

    func serves(path: String) -> Bool {
        path == Self.tokenPath || path.hasPrefix(Self.apiPrefix)
    }

    func credentials(serverURL: String) -> any PlatformCredentials {
        let tokenURL = serverURL + Self.tokenPath
        return GA4SandboxCredentials(baseURL: serverURL, propertyIDs: [SandboxWebsite.propertyID], tokenURL: tokenURL,
                                     clientID: secrets.clientID, clientSecret: secrets.clientSecret, refreshToken: secrets.refreshToken,
                                     serviceAccount: secrets.serviceAccountKey(tokenURL: tokenURL))
    }

    func respond(to request: EmulatorRequest) async -> Response {
        if request.path == Self.tokenPath { return token(request) }
        let injected = faults.beginRequest(.ga4, header: request.faultHeader)
        if let delay = injected.delay { try? await Task.sleep(for: delay) }
        if injected.serverError { return GA4Error.server(ordinal: injected.serverErrorOrdinal).response }
        if injected.throttle { return GA4Error.quota(ordinal: injected.throttleOrdinal).response }
        do {
            try authenticate(request.headers, forceExpired: injected.forceExpiredToken)
            // `properties/{id}:method` (the colon may arrive as %3A) or `properties/{id}/metadata`.
            let rest = String(request.path.dropFirst(Self.apiPrefix.count))
                .replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%3a", with: ":")
            if rest.hasSuffix("/metadata") {
                let property = String(rest.dropLast("/metadata".count))
                try authorize(property)
                guard request.method == .get else { throw GA4Error.notFound(request.path) }
                return HTTPReply.json(.ok, metadata(property: property))
            }
            let parts = rest.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, request.method == .post else { throw GA4Error.notFound(request.path) }
            let property = parts[0]
            try authorize(property)
            let body = try Self.body(request.body)
            let limit = request.headers[.init(Self.cardinalityHeader)!].flatMap(Int.init).map { max(1, $0) }
                ?? GA4Report.defaultCardinalityLimit
            switch parts[1] {
            case "runReport":
                return HTTPReply.json(.ok, try runReport(body, property: property, cardinalityLimit: limit))
            case "batchRunReports":
                guard let requests = body["requests"] as? [[String: Any]] else {
                    throw GA4Error.invalidArgument("requests is required.")
                }
                guard requests.count <= Self.maxBatch else {
                    throw GA4Error.invalidArgument("Batch requests are limited to 5 reports; \(requests.count) were requested.")
                }
                var reports: [JSONValue] = []
                for nested in requests {
                    if let named = nested["property"] as? String, !named.isEmpty, named != "properties/\(property)" {
                        throw GA4Error.invalidArgument("The property of a nested request must be empty or match the batch's property.")
                    }
                    reports.append(try runReport(nested, property: property, cardinalityLimit: limit))
                }
                return HTTPReply.json(.ok, .object([("reports", .array(reports)), ("kind", "analyticsData#batchRunReports")]))
            default:
                throw GA4Error.notFound(request.path)
            }
        } catch let error as GA4Error {
            return error.response
        } catch {
            return GA4Error.server(ordinal: 0).response
        }
    }

    // MARK: - Authentication and access

    /// `Authorization: Bearer <access token>` minted by the token endpoint, for the OAuth user or the service account.
    private func authenticate(_ headers: HTTPFields, forceExpired: Bool) throws(GA4Error) {
        guard let authorization = headers[.authorization], authorization.hasPrefix("Bearer "), authorization.count > 7 else {
            throw GA4Error.unauthenticated
        }
        let token = String(authorization.dropFirst("Bearer ".count))
        let now = Int64(clock().timeIntervalSince1970)
        let valid = [GA4Secrets.userAccount, GA4Secrets.serviceAccount].contains { account in
            if case .valid = secrets.accessTokens.verify(token, .accessToken, account: account, now: now) { return true }
            return false
        }
        guard valid, !secrets.accessTokens.isRevoked(accessToken: token) else { throw GA4Error.unauthenticated }
        if faults.expiresToken(.ga4, forced: forceExpired) {
            secrets.accessTokens.revoke(accessToken: token)
            throw GA4Error.unauthenticated
        }
    }

    /// The credentials reach the brand's property only; any other id is one they were never granted.
    private func authorize(_ property: String) throws(GA4Error) {
        guard property == SandboxWebsite.propertyID else { throw GA4Error.permissionDenied }
    }

    // MARK: - Reports

    private func runReport(_ body: [String: Any], property: String, cardinalityLimit: Int) throws(GA4Error) -> JSONValue {
        // The world's "now" is `asOf` 00:00 in the property's zone.
        let today = world.asOf
        let request = try GA4ReportRequest(body, today: today)
        let report = GA4Report(request, cardinalityLimit: cardinalityLimit) { day in
            day < world.asOf ? world.websiteSessions(on: day) : []
        }
        let page = report.rows.dropFirst(request.offset).prefix(request.limit)
        var members: [(String, JSONValue)] = [
            ("dimensionHeaders", .array(report.dimensions.map { .object([("name", .string($0))]) })),
            ("metricHeaders", .array(request.metrics.map { name in
                .object([("name", .string(name)), ("type", .string(GA4FieldCatalog.metricsByName[name]?.type ?? "TYPE_INTEGER"))])
            })),
        ]
        if !page.isEmpty {
            members.append(("rows", .array(page.map { row in
                .object([
                    ("dimensionValues", .array(row.dimensions.map { .object([("value", .string($0))]) })),
                    ("metricValues", .array(request.metrics.map { .object([("value", .string(row.aggregate.value(of: $0).text))]) })),
                ])
            })))
        }
        if !report.rows.isEmpty { members.append(("rowCount", .int(Int64(report.rows.count)))) }
        var metadata: [(String, JSONValue)] = [("currencyCode", .string(SandboxWebsite.currency)), ("timeZone", .string(SandboxWebsite.timeZone))]
        if report.dataLossFromOtherRow { metadata.insert(("dataLossFromOtherRow", true), at: 0) }
        members.append(("metadata", .object(metadata)))
        // A report's cost grows with the days and rows it reads; most cost fewer than 10 tokens.
        let days = request.dateRanges.reduce(0) { $0 + $1.start.distance(to: $1.end) + 1 }
        let tokens = Int64(min(50, 1 + days / 7 + report.rows.count / 2_000 + request.dimensions.count / 4))
        let consumed = quota.consume(tokens, now: clock())
        if request.returnPropertyQuota { members.append(("propertyQuota", consumed.json(tokens: tokens))) }
        members.append(("kind", "analyticsData#runReport"))
        return .object(members)
    }

    /// `GET …/metadata`: the dimensions and metrics this property answers.
    private func metadata(property: String) -> JSONValue {
        .object([
            ("name", .string("properties/\(property)/metadata")),
            ("dimensions", .array(GA4FieldCatalog.dimensions.map { dimension in
                .object([("apiName", .string(dimension.apiName)), ("uiName", .string(dimension.uiName)),
                         ("category", .string(dimension.category))])
            })),
            ("metrics", .array(GA4FieldCatalog.metrics.map { metric in
                .object([("apiName", .string(metric.apiName)), ("uiName", .string(metric.uiName)), ("type", .string(metric.type)),
                         ("category", .string(metric.category))])
            })),
        ])
    }

    /// A request's JSON object body.
    static func body(_ bytes: [UInt8]) throws(GA4Error) -> [String: Any] {
        guard !bytes.isEmpty else { return [:] }
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw GA4Error.invalidArgument("Invalid JSON payload received. Unexpected token.")
        }
        return object
    }
}
