import Foundation
import Hummingbird
import OmnidashCore

/// An emulator of the TikTok Marketing API (Business API v1.3, ads-apis.md §6) for the brand's two advertisers:
/// `report/integrated/get/` (BASIC, AUCTION, ad to advertiser level, daily and hourly), `advertiser/info/`,
/// `campaign/get/`, `adgroup/get/`, `ad/get/` and `oauth2/advertiser/get/`, all `GET` under `/open_api/v1.3/`.
///
/// The token comes in the `Access-Token` header. Every answer is HTTP 200 with TikTok's envelope
/// `{"code","message","request_id","data"}`; business errors carry a non-zero code (40100 throttled, 40104/40105 token,
/// 40002 parameters, 50000 system error).
struct TikTokAdsEmulator: Emulator {
    static let credentialsType: any PlatformCredentials.Type = TikTokAdsSandboxCredentials.self
    static let adAccounts = TikTokAdAccounts.all
    static let basePath = "/open_api/v1.3/"

    let world: SandboxWorld
    let secrets: TikTokAdsSecrets
    let faults: FaultInjector
    let clock: @Sendable () -> Date

    init(_ context: EmulatorContext) {
        world = context.world
        secrets = TikTokAdsSecrets(seed: context.seed)
        faults = context.faults
        clock = context.clock
    }

    func serves(path: String) -> Bool { path.hasPrefix("/open_api/") }

    func credentials(serverURL: String) -> any PlatformCredentials {
        TikTokAdsSandboxCredentials(baseURL: serverURL, accessToken: secrets.accessToken,
                                    advertiserIDs: world.adAccounts(on: .tiktokAds).map(\.id), appID: secrets.appID,
                                    secret: secrets.secret)
    }

    func respond(to request: EmulatorRequest) async -> Response {
        let requestID = Self.requestID(at: clock())
        let injected = faults.beginRequest(.tiktokAds, header: request.faultHeader)
        if let delay = injected.delay { try? await Task.sleep(for: delay) }
        if injected.serverError { return TikTokAdsError.systemError.response(requestID: requestID) }
        if injected.throttle { return TikTokAdsError.tooManyRequests.response(requestID: requestID) }
        do {
            guard request.path.hasPrefix(Self.basePath) else { throw TikTokAdsError.notFound }
            var endpoint = String(request.path.dropFirst(Self.basePath.count))
            if !endpoint.hasSuffix("/") { endpoint += "/" }
            let handlers: [String: (QueryParameters) throws -> JSONValue] = [
                "report/integrated/get/": report,
                "advertiser/info/": advertiserInfo,
                "campaign/get/": { try entities(.campaign, $0) },
                "adgroup/get/": { try entities(.adGroup, $0) },
                "ad/get/": { try entities(.ad, $0) },
                "oauth2/advertiser/get/": authorizedAdvertisers,
            ]
            guard let handler = handlers[endpoint] else { throw TikTokAdsError.notFound }
            guard request.method == .get else { throw TikTokAdsError.methodNotAllowed }
            try authenticate(request.headers, forceExpired: injected.forceExpiredToken)
            return Self.envelope(code: 0, message: "OK", requestID: requestID, data: try handler(request.query))
        } catch let error as TikTokAdsError {
            return error.response(requestID: requestID)
        } catch {
            return TikTokAdsError.systemError.response(requestID: requestID)
        }
    }

    /// `{"code","message","request_id","data"}`, always HTTP 200, with the request id in `X-Tt-Logid` as well.
    static func envelope(code: Int, message: String, requestID: String, data: JSONValue) -> Response {
        var headers = HTTPFields()
        HTTPReply.set("x-tt-logid", requestID, in: &headers)
        return HTTPReply.json(.ok, .object([
            ("code", .int(Int64(code))), ("message", .string(message)), ("request_id", .string(requestID)), ("data", data),
        ]), headers: headers)
    }

    /// TikTok's request ids: the time (`yyyyMMddHHmmss`, UTC) and 18 upper-case hex characters.
    static func requestID(at now: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss"
        var generator = SystemRandomNumberGenerator()
        return formatter.string(from: now) + Hex.encode((0..<9).map { _ in UInt8.random(in: 0...255, using: &generator) }).uppercased()
    }

    // MARK: - Authentication

    /// The token is only ever read from the `Access-Token` header, as the SDK sends it.
    private func authenticate(_ headers: HTTPFields, forceExpired: Bool) throws {
        guard let token = headers[.init("Access-Token")!], !token.isEmpty else { throw TikTokAdsError.emptyToken }
        guard token == secrets.accessToken else { throw TikTokAdsError.invalidToken }
        if faults.expiresToken(.tiktokAds, forced: forceExpired) { throw TikTokAdsError.expiredToken }
    }

    /// The advertiser named by `advertiser_id`, which the token must be authorised for.
    func advertiser(_ query: QueryParameters) throws -> SandboxAdAccount {
        guard let id = query["advertiser_id"], !id.isEmpty else { throw TikTokAdsError.missing("advertiser_id") }
        guard id.allSatisfy(\.isNumber) else { throw TikTokAdsError.parameter("advertiser_id", "Not a valid integer.") }
        guard let account = world.adAccounts(on: .tiktokAds).first(where: { $0.id == id }) else {
            throw TikTokAdsError.noPermission(advertiser: id)
        }
        return account
    }

    // MARK: - Advertisers

    static let advertiserFields = ["advertiser_id", "name", "currency", "timezone", "display_timezone", "status", "company",
                                   "country", "role", "create_time"]

    /// `advertiser/info/?advertiser_ids=[…]&fields=[…]`.
    private func advertiserInfo(_ query: QueryParameters) throws -> JSONValue {
        guard let ids = try TikTokListParameter.strings(query, "advertiser_ids"), !ids.isEmpty else {
            throw TikTokAdsError.missing("advertiser_ids")
        }
        if ids.count > 100 { throw TikTokAdsError.parameter("advertiser_ids", "Longer than maximum length 100.") }
        let fields = try TikTokListParameter.fields(query, allowed: Self.advertiserFields) ?? Self.advertiserFields
        var list: [JSONValue] = []
        for id in ids {
            guard let account = world.adAccounts(on: .tiktokAds).first(where: { $0.id == id }) else {
                throw TikTokAdsError.noPermission(advertiser: id)
            }
            let values: [String: JSONValue] = [
                "advertiser_id": .string(account.id), "name": .string(account.name), "currency": .string(account.currency),
                "timezone": .string(account.timeZone), "display_timezone": .string(Self.displayZone(account)),
                "status": "STATUS_ENABLE", "company": "Sukhon Beauty Co., Ltd.", "country": "TH", "role": "ROLE_ADVERTISER",
                "create_time": .int(1_704_067_200),
            ]
            list.append(.object(fields.map { ($0, values[$0] ?? .null) }))
        }
        return .object([("list", .array(list))])
    }

    /// `Etc/GMT-7`-style display names: TikTok shows the offset beside the zone.
    static func displayZone(_ account: SandboxAdAccount) -> String {
        let hours = account.utcOffsetHours
        return hours == 0 ? "UTC" : "UTC" + (hours > 0 ? "+" : "-") + String(format: "%02d:00", abs(hours))
    }

    /// `oauth2/advertiser/get/?app_id=…&secret=…`: the advertisers the token was granted.
    private func authorizedAdvertisers(_ query: QueryParameters) throws -> JSONValue {
        guard let appID = query["app_id"], !appID.isEmpty else { throw TikTokAdsError.missing("app_id") }
        guard let secret = query["secret"], !secret.isEmpty else { throw TikTokAdsError.missing("secret") }
        guard appID == secrets.appID, secret == secrets.secret else {
            throw TikTokAdsError(code: 40001, message: "app_id or secret is incorrect.")
        }
        return .object([("list", .array(world.adAccounts(on: .tiktokAds).map {
            .object([("advertiser_id", .string($0.id)), ("advertiser_name", .string($0.name))])
        }))])
    }

    // MARK: - Paging

    /// `page` (1-based, default 1) and `page_size` (1…1000, default 10).
    static func paging(_ query: QueryParameters) throws -> (page: Int, size: Int) {
        func number(_ name: String, default value: Int) throws -> Int {
            guard let text = query[name] else { return value }
            guard let number = Int(text) else { throw TikTokAdsError.parameter(name, "Not a valid integer.") }
            return number
        }
        let page = try number("page", default: 1)
        let size = try number("page_size", default: 10)
        guard page >= 1 else { throw TikTokAdsError.parameter("page", "Must be greater than or equal to 1.") }
        guard (1...1000).contains(size) else { throw TikTokAdsError.parameter("page_size", "Must be between 1 and 1000.") }
        return (page, size)
    }

    /// One page of `items` with TikTok's `page_info`.
    static func page(_ items: [JSONValue], page: Int, size: Int) -> JSONValue {
        let start = min(items.count, (page - 1) * size)
        let slice = Array(items[start..<min(items.count, start + size)])
        let totalPages = (items.count + size - 1) / size
        return .object([
            ("list", .array(slice)),
            ("page_info", .object([
                ("page", .int(Int64(page))), ("page_size", .int(Int64(size))), ("total_number", .int(Int64(items.count))),
                ("total_page", .int(Int64(totalPages))),
            ])),
        ])
    }
}
