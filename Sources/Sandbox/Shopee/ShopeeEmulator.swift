import Foundation
import Hummingbird

/// An emulator of the Shopee Open Platform v2 for the brand's Shopee shops, at the platform's real paths under
/// `/api/v2/`.
///
/// One partner app is authorised by every Shopee shop of the world, as on Shopee: each shop-API call is for the shop
/// its signed `shop_id` names, tokens are per shop, and every answer is that shop's (its orders, listings, SKU codes).
///
/// It checks requests as strictly as the platform documents (ecommerce-apis.md §1): common parameters, the
/// 5-minute timestamp window, the partner, the HMAC signature, the shop and the access token, in that order, each
/// failure answered with the documented code and message.
struct ShopeeEmulator: Emulator {
    static let credentialsType: any PlatformCredentials.Type = ShopeeSandboxCredentials.self
    static let shops = [SandboxShop.sukhonShopee, .sukhonShopeeMall]

    let world: SandboxWorld
    let secrets: ShopeeSecrets
    let tokens: ShopeeTokenAuthority
    let faults: FaultInjector
    let clock: @Sendable () -> Date
    let orderLists = Locked(LRUCache<OrderListQuery, [OrderListEntry]>(capacity: 16))

    static let pathPrefix = "/api/v2/"
    /// Requests must carry a timestamp within this many seconds of the server clock.
    static let timestampTolerance: Int64 = 300

    /// An authenticated shop-API call that passed every check.
    struct ShopCall {
        /// The shop the call is signed for.
        let shop: SandboxShop
        let query: QueryParameters
        let accessToken: String
        let forceMalformedOrder: Bool
    }

    init(_ context: EmulatorContext) {
        self.world = context.world
        self.secrets = ShopeeSecrets(seed: context.seed)
        self.tokens = ShopeeTokenAuthority(key: secrets.tokenKey)
        self.faults = context.faults
        self.clock = context.clock
    }

    /// The world's Shopee shops, the reference shop first.
    var shopeeShops: [SandboxShop] { world.shops.filter { $0.platform == .shopee } }

    /// The world's Shopee shop with this `shop_id`, if the partner app is authorised by it.
    func shop(id: Int64) -> SandboxShop? { shopeeShops.first { $0.shopID == id } }

    /// The shop's refresh token as published in the credentials (see `ShopeeTokenAuthority.bootstrapRefreshToken`).
    func bootstrapRefreshToken(shopID: Int64) -> String { tokens.bootstrapRefreshToken(shopID: shopID) }

    func serves(path: String) -> Bool { path.hasPrefix(Self.pathPrefix) }

    func credentials(serverURL: String) -> any PlatformCredentials {
        let shops = shopeeShops.map {
            ShopeeSandboxCredentials.Shop(shopID: $0.shopID, refreshToken: bootstrapRefreshToken(shopID: $0.shopID))
        }
        return ShopeeSandboxCredentials(baseURL: serverURL, partnerID: secrets.partnerID, partnerKey: secrets.partnerKey,
                                        shops: shops)
    }

    var now: Int64 { Int64(clock().timeIntervalSince1970.rounded(.down)) }

    func respond(to request: EmulatorRequest) async -> Response {
        let (method, path, query, body) = (request.method, request.path, request.query, request.body)
        let injected = faults.beginRequest(.shopee, header: request.faultHeader)
        if let delay = injected.delay { try? await Task.sleep(for: delay) }
        if injected.serverError { return ShopeeError.serverError(ordinal: injected.serverErrorOrdinal).response }
        if injected.throttle {
            return (Self.adsPaths.contains(path) ? ShopeeAdsError.rateLimited(ordinal: injected.throttleOrdinal) : .tooManyRequests).response
        }
        do {
            switch (method, path) {
            case (.get, "/api/v2/shop/auth_partner"):
                return try authorizePartner(query)
            case (.post, "/api/v2/auth/token/get"):
                return try getAccessToken(query, body: body)
            case (.post, "/api/v2/auth/access_token/get"):
                return try refreshAccessToken(query, body: body)
            case (.post, Self.escrowDetailBatchPath):
                // Its body holds an array, so it is read by the endpoint, not merged into the query.
                return try getEscrowDetailBatch(try authenticate(path: path, query: query, injected: injected), body: body)
            default:
                let takesBody = method == .post && Self.paymentPaths.contains(path)
                guard method == .get || takesBody, let endpoint = shopEndpoint(path) else { throw ShopeeError.notFound }
                let parameters = takesBody ? try Self.merging(body: body, into: query) : query
                let call = try authenticate(path: path, query: parameters, injected: injected)
                return try endpoint(call)
            }
        } catch let error as ShopeeError {
            return error.response
        } catch {
            return ShopeeError.serverError(ordinal: 0).response
        }
    }

    /// The shop APIs (GET, shop signature), by path.
    private func shopEndpoint(_ path: String) -> ((ShopCall) throws -> Response)? {
        switch path {
        case "/api/v2/order/get_order_list": getOrderList
        case "/api/v2/order/get_order_detail": getOrderDetail
        case "/api/v2/product/get_item_list": getItemList
        case "/api/v2/product/get_item_base_info": getItemBaseInfo
        case "/api/v2/product/get_model_list": getModelList
        case "/api/v2/shop/get_shop_info": getShopInfo
        case "/api/v2/shop/get_profile": getProfile
        case "/api/v2/payment/get_escrow_list": getEscrowList
        case "/api/v2/payment/get_escrow_detail": getEscrowDetail
        case "/api/v2/ads/get_all_cpc_ads_daily_performance": getAllCPCAdsDailyPerformance
        case "/api/v2/ads/get_product_level_campaign_id_list": getProductLevelCampaignIDList
        case "/api/v2/ads/get_product_level_campaign_setting_info": getProductLevelCampaignSettingInfo
        case "/api/v2/ads/get_product_campaign_daily_performance": getProductCampaignDailyPerformance
        default: nil
        }
    }

    // MARK: - Checks

    /// Checks the common parameters every call carries and returns the timestamp; throws the documented error.
    func checkCommonParameters(_ query: QueryParameters) throws -> Int64 {
        guard let partnerText = query["partner_id"] else { throw ShopeeError.param("There is no partner_id in query.") }
        guard let partnerID = Int64(partnerText) else { throw ShopeeError.param("Invalid partner_id.") }
        guard let timestampText = query["timestamp"], !timestampText.isEmpty else { throw ShopeeError.param("no timestamp") }
        let now = self.now, tolerance = ShopeeEmulator.timestampTolerance
        guard let timestamp = Int64(timestampText), (now - tolerance...now + tolerance).contains(timestamp) else {
            throw ShopeeError.param("Invalid timestamp")
        }
        guard query["sign"]?.isEmpty == false else { throw ShopeeError.param("There is no sign in query.") }
        guard partnerID == secrets.partnerID else { throw ShopeeError.param("Invalid partner_id.") }
        return timestamp
    }

    /// Checks a public-API call (partner_id + path + timestamp signature).
    func authenticatePublic(path: String, query: QueryParameters) throws {
        let timestamp = try checkCommonParameters(query)
        let expected = ShopeeSignature.publicAPI(partnerID: secrets.partnerID, path: path, timestamp: timestamp,
                                                 partnerKey: secrets.partnerKey)
        guard query["sign"] == expected else { throw ShopeeError.wrongSign }
    }

    private func authenticate(path: String, query: QueryParameters, injected: FaultInjector.RequestFaults) throws -> ShopCall {
        let timestamp = try checkCommonParameters(query)
        guard let accessToken = query["access_token"], !accessToken.isEmpty else {
            throw ShopeeError.param("There is no access_token in query.")
        }
        guard let shopText = query["shop_id"], !shopText.isEmpty else { throw ShopeeError.param("There is no shop_id in query.") }
        guard let shopID = Int64(shopText) else { throw ShopeeError.invalidPartnerOrShop }
        let expected = ShopeeSignature.shopAPI(partnerID: secrets.partnerID, path: path, timestamp: timestamp,
                                               accessToken: accessToken, shopID: shopID,
                                               partnerKey: secrets.partnerKey)
        guard query["sign"] == expected else { throw ShopeeError.wrongSign }
        // The signature above was checked with the emulator's own implementation of the documented rule
        // (ShopeeSignature), never the connector's: a second implementation on purpose (DESIGN §5).
        guard let shop = shop(id: shopID) else { throw ShopeeError.invalidPartnerOrShop }
        // Tokens are bound to their shop: another shop's token is as invalid here as a made-up one.
        guard case .valid = tokens.verify(accessToken, .accessToken, shopID: shopID, now: now),
              !tokens.isRevoked(accessToken: accessToken)
        else { throw ShopeeError.invalidAccessToken }
        if faults.expiresToken(.shopee, forced: injected.forceExpiredToken) {
            // The token stays refused from now on: the connector has to refresh, not just retry.
            tokens.revoke(accessToken: accessToken)
            throw ShopeeError.invalidAccessToken
        }
        return ShopCall(shop: shop, query: query, accessToken: accessToken, forceMalformedOrder: injected.forceMalformedOrder)
    }

    // MARK: - Responses

    /// `{"request_id","error":"","message":"","response":…}` around a response body written by `body`.
    func envelope(warning: String? = nil, _ body: (inout JSONWriter) -> Void) -> Response {
        var writer = JSONWriter(reservingCapacity: 16_384)
        writer.beginObject()
        writer.field("request_id", HTTPReply.requestID())
        writer.field("error", "")
        writer.field("message", "")
        if let warning { writer.field("warning", warning) }
        writer.key("response")
        body(&writer)
        writer.endObject()
        return HTTPReply.json(.ok, writer.bytes)
    }

    /// A required integer query parameter.
    func integer(_ name: String, in query: QueryParameters) throws -> Int64 {
        guard let text = query[name], !text.isEmpty else { throw ShopeeError.wrongParameters("\(name) is required") }
        guard let value = Int64(text) else { throw ShopeeError.wrongParameters("\(name) must be an integer") }
        return value
    }

    /// A comma-joined list parameter (`order_sn_list`, `item_id_list`, `response_optional_fields`).
    func list(_ name: String, in query: QueryParameters) -> [String] {
        (query[name] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
