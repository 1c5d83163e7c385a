import Foundation
import Hummingbird
import OmnidashCore

/// An emulator of the Meta Marketing API for the brand's two ad accounts: `GET /{version}/act_{id}/insights` and
/// `GET /{version}/act_{id}` (ads-apis.md §1). Any version of the form `vN.N` is accepted.
///
/// Every answer carries Meta's usage headers; errors use Meta's envelope and codes.
struct FacebookEmulator: Emulator {
    static let credentialsType: any PlatformCredentials.Type = FacebookSandboxCredentials.self
    /// The Graph API version written into the credentials (any `vN.N` is accepted).
    static let apiVersion = "v24.0"

    let world: SandboxWorld
    let secrets: MetaSecrets
    let faults: FaultInjector
    let clock: @Sendable () -> Date
    let usage: UsageMeter
    /// The server's base URL, known once it listens, for `paging.next`.
    let baseURL: Locked<String>
    let insightRows = Locked(LRUCache<InsightsRequest.RowsKey, [InsightsRow]>(capacity: 16))

    init(_ context: EmulatorContext) {
        self.world = context.world
        self.secrets = MetaSecrets(seed: context.seed)
        self.faults = context.faults
        self.clock = context.clock
        self.usage = UsageMeter(clock: context.clock)
        self.baseURL = context.serverURL
    }

    func serves(path: String) -> Bool { Self.handles(path: path) }

    func credentials(serverURL: String) -> any PlatformCredentials {
        FacebookSandboxCredentials(baseURL: serverURL, apiVersion: Self.apiVersion, accessToken: secrets.accessToken,
                                   appSecret: secrets.appSecret, accountIDs: world.adAccounts.map(\.actID))
    }

    /// Whether `path` is a Graph API path (`/vN.N/…`).
    static func handles(path: String) -> Bool {
        guard let first = path.split(separator: "/").first else { return false }
        return isVersion(first)
    }

    static func isVersion(_ text: Substring) -> Bool {
        guard text.first == "v" else { return false }
        let parts = text.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    func respond(to request: EmulatorRequest) async -> Response {
        let (method, path, query, headers) = (request.method, request.path, request.query, request.headers)
        let components = path.split(separator: "/").map(String.init)
        let node = components.count > 1 ? components[1] : ""
        let account = world.adAccounts.firstIndex { $0.actID == node }
        let accountID = account.map { world.adAccounts[$0].id }
        let isInsights = components.count == 3 && components[2] == "insights"
        let injected = faults.beginRequest(.facebookAds, header: request.faultHeader)
        if let delay = injected.delay { try? await Task.sleep(for: delay) }
        let throttled = injected.throttle
        let usageHeaders = usage.record(account: accountID, insights: isInsights, throttled: throttled)
        if injected.serverError { return GraphError.serverError(ordinal: injected.serverErrorOrdinal).response(headers: usageHeaders) }
        if throttled { return GraphError.throttle(ordinal: injected.throttleOrdinal).response(headers: usageHeaders) }
        do {
            try authenticate(query: query, headers: headers, forceExpired: injected.forceExpiredToken)
            guard method == .get else {
                throw GraphError.invalidParameter("The Sandbox serves only GET requests (no asynchronous insights jobs)")
            }
            guard let account else { throw GraphError.unsupportedGet(objectID: node) }
            var response: Response
            switch components.count {
            case 2: response = try accountInfo(account, query: query)
            case 3 where isInsights: response = try insights(account, path: path, query: query)
            default: throw GraphError.unknownPath("/" + components.dropFirst(2).joined(separator: "/"))
            }
            for field in usageHeaders { response.headers.append(field) }
            return response
        } catch let error as GraphError {
            return error.response(headers: usageHeaders)
        } catch {
            return GraphError.serverError(ordinal: 0).response(headers: usageHeaders)
        }
    }

    // MARK: - Authentication

    /// The token comes as `access_token` or `Authorization: Bearer`; the sandbox app has an app secret, so
    /// `appsecret_proof` is required.
    private func authenticate(query: QueryParameters, headers: HTTPFields, forceExpired: Bool) throws {
        var token = query["access_token"]
        if token == nil, let authorization = headers[.authorization], authorization.hasPrefix("Bearer ") {
            token = String(authorization.dropFirst("Bearer ".count))
        }
        guard let token, !token.isEmpty else { throw GraphError.missingToken }
        guard token == secrets.accessToken else { throw GraphError.invalidToken }
        guard let proof = query["appsecret_proof"], !proof.isEmpty else { throw GraphError.missingAppSecretProof }
        guard proof == FacebookEmulator.appSecretProof(token: token, appSecret: secrets.appSecret) else {
            throw GraphError.invalidAppSecretProof
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
            case "timezone_name": members.append((field, .string(account.timezoneName)))
            case "timezone_offset_hours_utc": members.append((field, .int(7)))
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
            for row in world.adPerformance(on: day) where world.adsPlan.account(of: world.adsPlan.ads[row.adIndex]).id == account.id {
                total += row.spendMinor
            }
        }
        return total
    }
}
