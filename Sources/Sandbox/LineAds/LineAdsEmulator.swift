import Foundation
import Hummingbird
import OmnidashCore

/// An emulator of the LINE Ads API (Ads Management, v3; ads-apis.md §7) for the brand's LINE ad account:
/// `GET /api/v3/adaccounts/{id}/reports/online/{campaign|adgroup|ad}` (synchronous, paged, rows aggregated over
/// `since…until` with no date), `GET /api/v3/adaccounts/{id}` and its `/campaigns`, `/adgroups`, `/ads`, and
/// `GET /api/v3/groups/{groupId}/adaccounts`.
///
/// Every request must carry LINE's JWS (`LineJWSVerifier`). Statuses as documented: 400 bad parameters, 401 bad
/// signature, key or date, 403 an account outside the group, 404 an unknown path, 429 throttling, 500 server errors.
struct LineAdsEmulator: Emulator {
    static let credentialsType: any PlatformCredentials.Type = LineSandboxCredentials.self
    static let adAccounts = LineAdAccounts.all

    let world: SandboxWorld
    let faults: FaultInjector
    let clock: @Sendable () -> Date
    let verifier: LineJWSVerifier

    init(_ context: EmulatorContext) {
        self.world = context.world
        self.faults = context.faults
        self.clock = context.clock
        var generator = SandboxSecrets.generator(seed: context.seed, platform: .lineAds)
        let accessKey = SandboxSecrets.alphanumeric(16, using: &generator)
        let secretKey = SandboxSecrets.alphanumeric(32, using: &generator)
        self.verifier = LineJWSVerifier(accessKey: accessKey, secretKey: secretKey)
    }

    func serves(path: String) -> Bool { path.hasPrefix("/api/v3/") }

    func credentials(serverURL: String) -> any PlatformCredentials {
        LineSandboxCredentials(baseURL: serverURL, accessKey: verifier.accessKey, secretKey: verifier.secretKey,
                               adAccountIDs: world.adAccounts(on: .lineAds).map(\.id), groupID: LineAdAccounts.groupID)
    }

    func respond(to request: EmulatorRequest) async -> Response {
        let injected = faults.beginRequest(.lineAds, header: request.faultHeader)
        if let delay = injected.delay { try? await Task.sleep(for: delay) }
        if injected.serverError { return LineAdsError.serverError.response() }
        if injected.throttle { return LineAdsError.tooManyRequests.response() }
        do {
            try verifier.verify(.init(authorization: request.headers[.authorization], date: request.headers[.date],
                                      contentType: request.headers[.contentType], path: request.path, body: request.body),
                                now: clock())
            // LINE's requests carry no token to expire; its nearest failure is a signature dated too far from now.
            if faults.expiresToken(.lineAds, forced: injected.forceExpiredToken) {
                throw LineAdsError.unauthorized("The Date header is out of the allowed range.")
            }
            guard request.method == .get else {
                throw LineAdsError(status: .methodNotAllowed, reason: "METHOD_NOT_ALLOWED",
                                   message: "The Sandbox serves only GET requests of the LINE Ads API")
            }
            return try route(request)
        } catch let error as LineAdsError {
            return error.response()
        } catch {
            return LineAdsError.serverError.response()
        }
    }

    private func route(_ request: EmulatorRequest) throws -> Response {
        let parts = request.path.split(separator: "/").map(String.init)
        guard parts.count >= 4, parts[0] == "api", parts[1] == "v3" else { throw LineAdsError.notFound(request.path) }
        switch parts[2] {
        case "groups" where parts.count == 5 && parts[4] == "adaccounts":
            guard parts[3] == LineAdAccounts.groupID else {
                throw LineAdsError.forbidden("No permission for group \(parts[3]).")
            }
            let paging = try Paging(request.query)
            return HTTPReply.json(.ok, paging.page(of: world.adAccounts(on: .lineAds).map(accountJSON)))
        case "adaccounts":
            guard let account = world.adAccounts(on: .lineAds).first(where: { $0.id == parts[3] }) else {
                throw LineAdsError.forbidden("No permission for ad account \(parts[3]).")
            }
            switch parts.count {
            case 4: return HTTPReply.json(.ok, accountJSON(account))
            case 5 where parts[4] == "campaigns":
                return HTTPReply.json(.ok, try Paging(request.query).page(of: account.campaigns.map(campaignJSON)))
            case 5 where parts[4] == "adgroups":
                let groups = account.campaigns.flatMap { campaign in campaign.adSets.map { adGroupJSON($0, campaign: campaign) } }
                return HTTPReply.json(.ok, try Paging(request.query).page(of: groups))
            case 5 where parts[4] == "ads":
                let ads = account.campaigns.flatMap(\.adSets).flatMap { set in set.ads.map { adJSON($0, adGroup: set) } }
                return HTTPReply.json(.ok, try Paging(request.query).page(of: ads))
            case 7 where parts[4] == "reports" && parts[5] == "online":
                return try onlineReport(account, level: parts[6], query: request.query)
            default: throw LineAdsError.notFound(request.path)
            }
        default:
            throw LineAdsError.notFound(request.path)
        }
    }

    /// `page` (1-based, default 1) and `size` (default 20, at most 100), as the online report documents them.
    struct Paging {
        let page: Int
        let size: Int

        init(_ query: QueryParameters) throws(LineAdsError) {
            let pageText = query["page"] ?? "1", sizeText = query["size"] ?? "20"
            guard let page = Int(pageText), page >= 1 else { throw .badRequest("page: '\(pageText)' must be a whole number from 1") }
            guard let size = Int(sizeText), (1...100).contains(size) else {
                throw .badRequest("size: '\(sizeText)' must be a whole number from 1 to 100")
            }
            self.page = page
            self.size = size
        }

        /// `{"paging":{…},"datas":[…]}` for this page of `items`, plus any extra members.
        func page(of items: [JSONValue], extra: [(String, JSONValue)] = []) -> JSONValue {
            let start = min((page - 1) * size, items.count)
            let slice = Array(items[start..<min(start + size, items.count)])
            return .object([
                ("paging", .object([("page", .int(Int64(page))), ("size", .int(Int64(size))),
                                    ("totalElements", .int(Int64(items.count)))])),
                ("datas", .array(slice)),
            ] + extra)
        }
    }
}
