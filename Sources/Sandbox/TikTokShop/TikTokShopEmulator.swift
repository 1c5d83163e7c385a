import Foundation
import Hummingbird
import OmnidashCore

/// An emulator of the TikTok Shop Partner API (versioned paths, 202309) for the brand's TikTok shop
/// (ecommerce-apis.md §3): authorised shops, order search and detail, product search and return search on the API
/// host's real paths, and the auth host's token get and refresh under `/tiktok-auth` on the same server (the
/// Sandbox serves both hosts on one port, and another emulator already owns `/api/v2/`).
///
/// Signed calls are checked as the gateway checks them, in its order: `app_key`, `timestamp` (within
/// [now − 5 min, now + 30 s] of the server clock), `sign`, the `x-tts-access-token` header, then `shop_cipher`
/// (required on shop APIs, refused on `/authorization/*`); then the 50-requests-a-second limit per API and shop.
/// Each failure is answered with TikTok's code (see `TikTokShopError` for the HTTP statuses).
struct TikTokShopEmulator: Emulator {
    static let credentialsType: any PlatformCredentials.Type = TikTokShopSandboxCredentials.self
    static let shops = [SandboxShop.sukhonTikTok]
    /// Where the auth host (`https://auth.tiktok-shops.com`) lives on the Sandbox.
    static let authPrefix = "/tiktok-auth"
    static let apiPrefixes = ["/authorization/", "/order/", "/product/", "/return_refund/", "/finance/"]
    /// `timestamp` may lag the gateway's clock by 5 minutes and lead it by 30 seconds.
    static let timestampLag: Int64 = 300
    static let timestampLead: Int64 = 30
    /// Access tokens last 7 days; a refresh token from a fresh authorisation a year.
    static let accessTokenLifetime: Int64 = 7 * 86_400
    static let refreshTokenLifetime: Int64 = 365 * 86_400
    static let authorizationCodeLifetime: Int64 = 1_800

    let world: SandboxWorld
    let secrets: TikTokShopSecrets
    let tokens: TokenMint
    let faults: FaultInjector
    let clock: @Sendable () -> Date
    let limiter: TikTokShopRateLimiter
    let orderLists = Locked(LRUCache<TikTokShopOrderQuery, [SimulatedOrder]>(capacity: 16))

    init(_ context: EmulatorContext) {
        world = context.world
        secrets = TikTokShopSecrets(seed: context.seed)
        // TikTok tokens start with `TTP_`.
        tokens = TokenMint(key: secrets.tokenKey, prefix: "TTP_")
        faults = context.faults
        clock = context.clock
        limiter = TikTokShopRateLimiter()
    }

    /// The brand's TikTok shop.
    var shop: SandboxShop { world.shop(on: .tiktokShop)! }

    var cipher: String { secrets.cipher(shopID: shop.shopID) }

    var now: Int64 { Int64(clock().timeIntervalSince1970.rounded(.down)) }

    func serves(path: String) -> Bool {
        path.hasPrefix(Self.authPrefix + "/") || Self.apiPrefixes.contains { path.hasPrefix($0) }
    }

    func credentials(serverURL: String) -> any PlatformCredentials {
        TikTokShopSandboxCredentials(
            baseURL: serverURL, authURL: serverURL + Self.authPrefix, appKey: secrets.appKey, appSecret: secrets.appSecret,
            shopID: String(shop.shopID), shopCipher: cipher,
            accessToken: tokens.issue(.accessToken, account: shop.shopID, expiresAt: now + Self.accessTokenLifetime),
            refreshToken: tokens.bootstrap(.refreshToken, account: shop.shopID))
    }

    /// An API call that passed every check.
    struct Call {
        let query: QueryParameters
        /// The JSON body's members (empty for GET or an empty body).
        let body: [String: Any]
        let forceMalformed: Bool
        let requestID: String
    }

    private struct Endpoint: Sendable {
        let method: HTTPRequest.Method
        /// Whether the API is shop-scoped (takes `shop_cipher`).
        let shopScoped: Bool
    }

    private static let endpoints: [String: Endpoint] = [
        "/authorization/202309/shops": Endpoint(method: .get, shopScoped: false),
        "/order/202309/orders/search": Endpoint(method: .post, shopScoped: true),
        "/order/202309/orders": Endpoint(method: .get, shopScoped: true),
        "/product/202309/products/search": Endpoint(method: .post, shopScoped: true),
        "/return_refund/202309/returns/search": Endpoint(method: .post, shopScoped: true),
        statementsPath: Endpoint(method: .get, shopScoped: true),
        statementTransactionsPath: Endpoint(method: .get, shopScoped: true),
    ]

    private func handler(_ path: String) -> ((Call) throws -> Response)? {
        switch path {
        case "/authorization/202309/shops": authorizedShops
        case "/order/202309/orders/search": searchOrders
        case "/order/202309/orders": orderDetail
        case "/product/202309/products/search": searchProducts
        case "/return_refund/202309/returns/search": searchReturns
        default: financeHandler(path)
        }
    }

    func respond(to request: EmulatorRequest) async -> Response {
        let requestID = Self.requestID(at: now)
        let injected = faults.beginRequest(.tiktokShop, header: request.faultHeader)
        if let delay = injected.delay { try? await Task.sleep(for: delay) }
        if injected.serverError { return TikTokShopError.serverError(ordinal: injected.serverErrorOrdinal).response(requestID: requestID) }
        if injected.throttle { return TikTokShopError.tooManyRequests.response(requestID: requestID) }
        do {
            if request.path.hasPrefix(Self.authPrefix + "/") {
                return try auth(String(request.path.dropFirst(Self.authPrefix.count)), request.query, requestID: requestID)
            }
            guard let endpoint = Self.endpoints[Self.template(request.path)], let handler = handler(request.path) else { throw TikTokShopError.invalidPath }
            guard request.method == endpoint.method else { throw TikTokShopError.invalidMethod }
            try checkSignature(request)
            try authenticate(request, forceExpired: injected.forceExpiredToken)
            try checkShopCipher(request.query, shopScoped: endpoint.shopScoped)
            guard limiter.admit(api: Self.template(request.path), caller: String(shop.shopID)) else { throw TikTokShopError.tooManyRequests }
            let call = Call(query: request.query, body: try jsonBody(request), forceMalformed: injected.forceMalformedOrder,
                            requestID: requestID)
            return try handler(call)
        } catch let error as TikTokShopError {
            return error.response(requestID: requestID)
        } catch {
            return TikTokShopError.serverError(ordinal: 0).response(requestID: requestID)
        }
    }

    // MARK: - Checks

    /// `app_key`, `timestamp`, then the signature over the path, the query and the body.
    private func checkSignature(_ request: EmulatorRequest) throws {
        let query = request.query
        guard let appKey = query["app_key"], !appKey.isEmpty else { throw TikTokShopError.missingAppKey }
        guard appKey == secrets.appKey else { throw TikTokShopError.invalidAppKey }
        guard let text = query["timestamp"], !text.isEmpty else { throw TikTokShopError.missingTimestamp }
        guard let timestamp = Int64(text), timestamp >= 0 else { throw TikTokShopError.invalidTimestamp }
        let now = self.now
        guard timestamp >= now - Self.timestampLag else { throw TikTokShopError.staleTimestamp }
        guard timestamp <= now + Self.timestampLead else { throw TikTokShopError.futureTimestamp }
        guard let sign = query["sign"], !sign.isEmpty else { throw TikTokShopError.missingSign }
        let multipart = request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") ?? false
        let expected = TikTokShopSignature.sign(path: request.path, query: query.pairs.map { ($0.name, $0.value) },
                                                body: multipart ? nil : request.body, appSecret: secrets.appSecret)
        guard sign.lowercased() == expected else { throw TikTokShopError.invalidSign }
    }

    private func authenticate(_ request: EmulatorRequest, forceExpired: Bool) throws {
        guard let token = request.headers[.init("x-tts-access-token")!], !token.isEmpty else { throw TikTokShopError.missingAccessToken }
        switch tokens.verify(token, .accessToken, account: shop.shopID, now: now) {
        case .invalid: throw TikTokShopError.invalidAccessToken
        case .expired: throw TikTokShopError.expiredAccessToken
        case .valid: break
        }
        if tokens.isRevoked(accessToken: token) { throw TikTokShopError.expiredAccessToken }
        if faults.expiresToken(.tiktokShop, forced: forceExpired) {
            // The token stays refused from now on: the client has to refresh, not just retry.
            tokens.revoke(accessToken: token)
            throw TikTokShopError.expiredAccessToken
        }
    }

    private func checkShopCipher(_ query: QueryParameters, shopScoped: Bool) throws {
        let value = query["shop_cipher"]
        guard shopScoped else {
            if value != nil { throw TikTokShopError.unexpectedShopCipher }
            return
        }
        guard let value, !value.isEmpty else { throw TikTokShopError.missingShopCipher }
        guard value == cipher else { throw TikTokShopError.invalidShopCipher }
    }

    private func jsonBody(_ request: EmulatorRequest) throws -> [String: Any] {
        guard request.method == .post, !request.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            return [:]
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any] else {
            throw TikTokShopError.invalidParameter("The request body is not a JSON object.")
        }
        return object
    }

    // MARK: - Responses

    /// `{"code":0,"message":"Success","request_id":…,"data":…}` around a body written by `body`.
    func envelope(_ call: Call, _ body: (inout JSONWriter) -> Void) -> Response {
        var writer = JSONWriter(reservingCapacity: 16_384)
        writer.beginObject()
        writer.field("code", 0)
        writer.field("message", "Success")
        writer.field("request_id", call.requestID)
        writer.key("data")
        body(&writer)
        writer.endObject()
        return HTTPReply.json(.ok, writer.bytes)
    }

    /// TikTok's request ids: the UTC time as `yyyyMMddHHmmss` and 20 upper-case hex characters.
    static func requestID(at unixSeconds: Int64) -> String {
        let days = unixSeconds >= 0 ? unixSeconds / 86_400 : (unixSeconds - 86_399) / 86_400
        let seconds = Int(unixSeconds - days * 86_400)
        let date = BusinessDate(daysSinceEpoch: Int(days))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let stamp = "\(date.year)\(two(date.month))\(two(date.day))\(two(seconds / 3_600))\(two(seconds / 60 % 60))\(two(seconds % 60))"
        return stamp + String(HTTPReply.requestID().prefix(20)).uppercased()
    }

    /// A `page_size` between 1 and 100; TikTok requires it.
    func pageSize(_ query: QueryParameters) throws -> Int {
        guard let text = query["page_size"], !text.isEmpty else {
            throw TikTokShopError.invalidParameter("`page_size` is required.")
        }
        guard let size = Int(text), (1...100).contains(size) else {
            throw TikTokShopError.invalidParameter("`page_size` must be between 1 and 100.")
        }
        return size
    }
}
