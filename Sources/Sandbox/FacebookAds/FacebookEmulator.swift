import Foundation
import Hummingbird
import OmnidashCore

/// An emulator of the Meta Marketing API for the brand's two ad accounts (ads-apis.md §1):
/// `GET /{version}/act_{id}`, `GET /{version}/act_{id}/insights` (with the age and gender breakdowns), the
/// campaigns, ad sets and ads with their budgets (`GET /{version}/act_{id}/campaigns|adsets|ads`), asynchronous insights jobs
/// (`POST /{version}/act_{id}/insights`, `GET /{version}/{report_run_id}` and its `/insights`), and the Graph batch
/// endpoint (`POST /{version}/`).
///
/// Every version Meta serves on the world's today is accepted (`GraphVersion`); an expired one gets Meta's code 2635.
/// Every answer carries Meta's usage headers; errors use Meta's envelope and codes.
struct FacebookEmulator: Emulator {
    static let credentialsType: any PlatformCredentials.Type = FacebookSandboxCredentials.self
    static let adAccounts = FacebookAdAccounts.all

    let world: SandboxWorld
    let secrets: MetaSecrets
    let faults: FaultInjector
    let clock: @Sendable () -> Date
    let usage: UsageMeter
    /// The server's base URL, known once it listens, for `paging.next`.
    let baseURL: Locked<String>
    let insightRows = Locked(LRUCache<InsightsRequest.RowsKey, [InsightsRow]>(capacity: 16))
    let reportRuns = ReportRunStore()

    init(_ context: EmulatorContext) {
        self.world = context.world
        self.secrets = MetaSecrets(seed: context.seed)
        self.faults = context.faults
        self.clock = context.clock
        self.usage = UsageMeter(clock: context.clock)
        self.baseURL = context.serverURL
    }

    func serves(path: String) -> Bool { Self.handles(path: path) }

    /// The credentials name the newest version Meta serves on the world's today.
    func credentials(serverURL: String) -> any PlatformCredentials {
        FacebookSandboxCredentials(baseURL: serverURL, apiVersion: apiVersion.description,
                                   accessToken: secrets.accessToken, appSecret: secrets.appSecret,
                                   accountIDs: world.adAccounts(on: .facebookAds).map(\.actID))
    }

    /// The newest version served on the world's today.
    var apiVersion: GraphVersion { GraphVersion.served(on: world.asOf)[0] }

    /// Whether `path` is a Graph API path (`/vN.N/…`), served or not (an unserved version gets Meta's error).
    static func handles(path: String) -> Bool {
        guard let first = path.split(separator: "/").first else { return false }
        return GraphVersion(first) != nil
    }

    func respond(to request: EmulatorRequest) async -> Response {
        let (method, path, headers) = (request.method, request.path, request.headers)
        let query = FacebookEmulator.parameters(of: request)
        let components = path.split(separator: "/").map(String.init)
        let node = components.count > 1 ? components[1] : ""
        let account = world.adAccounts.firstIndex { $0.platform == .facebookAds && $0.actID == node }
        let run = account == nil && !node.isEmpty ? reportRuns.run(node) : nil
        let accountID = (account ?? run?.account).map { world.adAccounts[$0].id }
        let isInsights = components.count == 3 && components[2] == "insights" && accountID != nil
        let injected = faults.beginRequest(.facebookAds, header: request.faultHeader)
        if let delay = injected.delay { try? await Task.sleep(for: delay) }
        let throttled = injected.throttle
        let usageHeaders = usage.record(account: accountID, insights: isInsights, throttled: throttled)
        if injected.serverError { return GraphError.serverError(ordinal: injected.serverErrorOrdinal).response(headers: usageHeaders) }
        if throttled { return GraphError.throttle(ordinal: injected.throttleOrdinal).response(headers: usageHeaders) }
        do {
            try checkVersion(components)
            try authenticate(query: query, headers: headers, forceExpired: injected.forceExpiredToken)
            var response: Response
            switch (method, components.count) {
            case (.post, 1):
                response = try await batch(query, version: components[0])
            case (.get, 2) where account != nil:
                response = try accountInfo(account!, query: query)
            case (.get, 2) where run != nil:
                response = try reportRun(node, query: query)
            case (.get, 3) where isInsights && account != nil:
                response = try insights(account!, path: path, query: query)
            case (.post, 3) where isInsights && account != nil:
                response = try makeReportRun(account!, query: query, faultHeader: request.faultHeader)
            case (.get, 3) where isInsights && run != nil:
                response = try reportRunInsights(run!, path: path, query: query)
            case (.get, 3) where account != nil && EntityEdge(rawValue: components[2]) != nil:
                response = try entities(account!, edge: EntityEdge(rawValue: components[2])!, path: path, query: query)
            case (.get, _) where account == nil && run == nil, (.get, 2):
                throw GraphError.unsupportedGet(objectID: node)
            case (.post, 2):
                throw GraphError.unsupportedPost(objectID: node)
            case (.post, 3) where components[2] == "insights":
                throw GraphError.unsupportedPost(objectID: node)
            case (.get, _), (.post, _):
                throw GraphError.unknownPath("/" + components.dropFirst(2).joined(separator: "/"))
            default:
                throw GraphError.invalidParameter("The Sandbox serves only GET and POST requests")
            }
            for field in usageHeaders { response.headers.append(field) }
            return response
        } catch let error as GraphError {
            return error.response(headers: usageHeaders)
        } catch {
            return GraphError.serverError(ordinal: 0).response(headers: usageHeaders)
        }
    }

    /// The query parameters, plus a POST's form fields (the SDKs send a POST's parameters in its body, and its token
    /// in either place).
    static func parameters(of request: EmulatorRequest) -> QueryParameters {
        guard request.method == .post, !request.body.isEmpty else { return request.query }
        var merged = request.query
        for pair in QueryParameters(String(decoding: request.body, as: UTF8.self)).pairs where !merged.has(pair.name) {
            merged = QueryParameters(merged.replacing(pair.name, with: pair.value))
        }
        return merged
    }

    /// Refuses a version Meta does not serve on the world's today: expired ones with code 2635, others as unknown.
    private func checkVersion(_ components: [String]) throws {
        guard let text = components.first, let version = GraphVersion(text) else { return }
        switch GraphVersion.standing(of: version, on: world.asOf) {
        case .served: return
        case .retired: throw GraphError.deprecatedVersion(latest: apiVersion)
        case .unknown:
            let rest = components.dropFirst().map { "/" + $0 }.joined()
            throw GraphError.unknownVersion(text, rest: rest)
        }
    }

    // MARK: - Authentication

    /// The token comes as `access_token` or `Authorization: Bearer`. `appsecret_proof` follows Meta's "Require App
    /// Secret" app setting (Graph API "Securing Requests" doc): off by default, when a call without a proof is
    /// served; on with the Sandbox option `appsecret-proof=required`. A proof that is sent is checked either way.
    private func authenticate(query: QueryParameters, headers: HTTPFields, forceExpired: Bool) throws {
        var token = query["access_token"]
        if token == nil, let authorization = headers[.authorization], authorization.hasPrefix("Bearer ") {
            token = String(authorization.dropFirst("Bearer ".count))
        }
        guard let token, !token.isEmpty else { throw GraphError.missingToken }
        guard token == secrets.accessToken else { throw GraphError.invalidToken }
        if let proof = query["appsecret_proof"], !proof.isEmpty {
            guard proof == FacebookEmulator.appSecretProof(token: token, appSecret: secrets.appSecret) else {
                throw GraphError.invalidAppSecretProof
            }
        } else if faults.faults.requireAppSecretProof {
            throw GraphError.missingAppSecretProof
        }
        if faults.expiresToken(.facebookAds, forced: forceExpired) { throw GraphError.expiredToken(now: clock()) }
    }

    /// `appsecret_proof` = lowercase hex HMAC-SHA256(key: app secret, message: access token) (ads-apis.md §1.1).
    ///
    /// A second implementation on purpose (DESIGN §5): the connector computes the proof with its own code, and the
    /// two agree only through the documented rule.
    static func appSecretProof(token: String, appSecret: String) -> String {
        Hex.hmacSHA256(key: appSecret, message: token)
    }

    // MARK: - Ad account

    static let accountFields: Set<String> = [
        "id", "account_id", "name", "currency", "timezone_name", "timezone_offset_hours_utc", "account_status",
        "business_name", "amount_spent",
    ]

    /// `GET /{version}/act_{id}?fields=…`: `id` plus the requested fields.
    private func accountInfo(_ index: Int, query: QueryParameters) throws -> Response {
        let account = world.adAccounts[index]
        let fields = (query["fields"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if let unknown = fields.first(where: { !FacebookEmulator.accountFields.contains($0) }) {
            throw GraphError.invalidParameter("Tried accessing nonexisting field (\(unknown)) on node type (AdAccount)")
        }
        var members: [(String, JSONValue)] = []
        for field in fields where field != "id" {
            switch field {
            case "account_id": members.append((field, .string(account.id)))
            case "name": members.append((field, .string(account.name)))
            case "currency": members.append((field, .string(account.currency)))
            case "timezone_name": members.append((field, .string(account.timeZone)))
            case "timezone_offset_hours_utc": members.append((field, .int(Int64(account.utcOffsetHours))))
            case "account_status": members.append((field, .int(1)))
            case "business_name": members.append((field, "Sukhon Beauty Co., Ltd."))
            default: members.append((field, .string(String(lifetimeSpendMinor(account)))))
            }
        }
        members.append(("id", .string(account.actID)))
        return HTTPReply.json(.ok, .object(members))
    }

    /// `amount_spent` is in minor units as a string, like Meta's; the world reports the last 30 days.
    private func lifetimeSpendMinor(_ account: SandboxAdAccount) -> Int64 {
        let to = world.asOf.adding(days: -1)
        var total: Int64 = 0
        for day in to.adding(days: -29)...to {
            for row in world.adPerformance(on: day) where world.adsPlan.account(of: world.adsPlan.ads[row.adIndex]) == account {
                total += row.spendMinor
            }
        }
        return total
    }
}
