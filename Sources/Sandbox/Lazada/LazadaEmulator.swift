import Foundation
import Hummingbird
import OmnidashCore

/// An emulator of the Lazada Open Platform (Thailand) for the brand's Lazada shop, at the gateway's real paths under
/// `/rest/` (ecommerce-apis.md §2): token create and refresh, orders, order items one order or fifty at a time,
/// products and the seller.
///
/// Requests are accepted as GET with a query string and as POST with a form body, as Lazada accepts both. They are
/// checked as strictly as the gateway checks them, in its order: the app key, the timestamp (within 7200 seconds),
/// the sign method, the signature, then the access token; each failure is answered with Lazada's own code.
struct LazadaEmulator: Emulator {
    static let credentialsType: any PlatformCredentials.Type = LazadaSandboxCredentials.self
    static let shops = [SandboxShop.sukhonLazada]
    static let pathPrefix = "/rest/"
    /// `timestamp` must be within this many seconds of the gateway's clock.
    static let timestampTolerance: Int64 = 7_200
    /// Access tokens of an app in Test status last 7 days, refresh tokens 30 (ecommerce-apis.md §2.1).
    static let accessTokenLifetime: Int64 = 7 * 86_400
    static let refreshTokenLifetime: Int64 = 30 * 86_400
    static let authorizationCodeLifetime: Int64 = 1_800

    let world: SandboxWorld
    let secrets: LazadaSecrets
    let tokens: TokenMint
    let faults: FaultInjector
    let clock: @Sendable () -> Date
    let orderLists = Locked(LRUCache<LazadaOrderQuery, [SimulatedOrder]>(capacity: 16))
    let financeLines = Locked(LRUCache<ClosedRange<Int64>, [LazadaFinanceRow]>(capacity: 8))

    init(_ context: EmulatorContext) {
        world = context.world
        secrets = LazadaSecrets(seed: context.seed)
        // Lazada tokens start with `50000` and a digit, then run to about sixty characters.
        tokens = TokenMint(key: secrets.tokenKey, prefix: "500007")
        faults = context.faults
        clock = context.clock
    }

    /// The brand's Lazada shop.
    var shop: SandboxShop { world.shop(on: .lazada)! }

    var now: Int64 { Int64(clock().timeIntervalSince1970.rounded(.down)) }

    func serves(path: String) -> Bool { path.hasPrefix(Self.pathPrefix) || path == Self.authorizePath }

    func credentials(serverURL: String) -> any PlatformCredentials {
        LazadaSandboxCredentials(
            baseURL: serverURL + "/rest", appKey: secrets.appKey, appSecret: secrets.appSecret, sellerID: shop.shopID,
            accessToken: tokens.issue(.accessToken, account: shop.shopID, expiresAt: now + Self.accessTokenLifetime),
            refreshToken: tokens.bootstrap(.refreshToken, account: shop.shopID))
    }

    /// An API call that passed every check.
    struct Call {
        let parameters: QueryParameters
        let forceMalformed: Bool
    }

    func respond(to request: EmulatorRequest) async -> Response {
        let injected = faults.beginRequest(.lazada, header: request.faultHeader)
        if let delay = injected.delay { try? await Task.sleep(for: delay) }
        if injected.serverError { return LazadaError.serverError(ordinal: injected.serverErrorOrdinal).response }
        if injected.throttle { return LazadaError.throttled(ordinal: injected.throttleOrdinal).response }
        if request.path == Self.authorizePath { return authorize(request.query) }
        let apiPath = String(request.path.dropFirst(Self.pathPrefix.count - 1))
        var parameters = request.query
        if request.method == .post {
            // A form body; its parameters join the query's, as the gateway reads both.
            for pair in QueryParameters(String(decoding: request.body, as: UTF8.self)).pairs {
                parameters = QueryParameters(parameters.replacing(pair.name, with: pair.value))
            }
        } else if request.method != .get {
            return LazadaError.notFound.response
        }
        do {
            switch apiPath {
            case "/auth/token/create":
                try checkSystemParameters(apiPath, parameters)
                return try createToken(parameters)
            case "/auth/token/refresh":
                try checkSystemParameters(apiPath, parameters)
                return try refreshToken(parameters)
            default:
                guard let endpoint = endpoint(apiPath) else { throw LazadaError.notFound }
                try checkSystemParameters(apiPath, parameters)
                try authenticate(parameters, forceExpired: injected.forceExpiredToken)
                return try endpoint(Call(parameters: parameters, forceMalformed: injected.forceMalformedOrder))
            }
        } catch let error as LazadaError {
            return error.response
        } catch {
            return LazadaError.serverError(ordinal: 1).response
        }
    }

    private func endpoint(_ path: String) -> ((Call) throws -> Response)? {
        switch path {
        case "/orders/get": getOrders
        case "/order/get": getOrder
        case "/order/items/get": getOrderItems
        case "/orders/items/get": getMultipleOrderItems
        case "/products/get": getProducts
        case "/seller/get": getSeller
        case "/finance/transaction/details/get": getTransactionDetails
        case "/sponsor/solutions/report/getDiscoveryReportCampaign": getDiscoveryReportCampaign
        case "/sponsor/solutions/report/getReportOverview": getReportOverview
        case "/sponsor/solutions/report/getReportOverviewMetric": getReportOverviewMetric
        case "/sponsor/solutions/campaign/searchCampaignList": searchCampaignList
        default: nil
        }
    }

    // MARK: - Checks

    /// `app_key`, `timestamp`, `sign_method` and `sign`, then the signature over every parameter.
    private func checkSystemParameters(_ apiPath: String, _ parameters: QueryParameters) throws {
        guard let appKey = parameters["app_key"], !appKey.isEmpty else { throw LazadaError.missingParameter("app_key") }
        guard appKey == secrets.appKey else { throw LazadaError.invalidAppKey }
        guard let timestampText = parameters["timestamp"], !timestampText.isEmpty else { throw LazadaError.missingParameter("timestamp") }
        // Milliseconds since the epoch, or an ISO instant as the documentation also allows.
        guard let timestamp = Int64(timestampText).map({ $0 / 1_000 }) ?? LazadaTime.parse(timestampText),
              abs(timestamp - now) <= Self.timestampTolerance else { throw LazadaError.invalidTimestamp }
        guard let method = parameters["sign_method"], !method.isEmpty else { throw LazadaError.missingParameter("sign_method") }
        guard method == "sha256" else { throw LazadaError.invalidParameter("sign_method", "only sha256 is supported") }
        guard let sign = parameters["sign"], !sign.isEmpty else { throw LazadaError.missingParameter("sign") }
        let expected = LazadaSignature.sign(path: apiPath, parameters: parameters.pairs.map { ($0.name, $0.value) },
                                            appSecret: secrets.appSecret)
        guard sign == expected else { throw LazadaError.incompleteSignature }
    }

    private func authenticate(_ parameters: QueryParameters, forceExpired: Bool) throws {
        guard let token = parameters["access_token"], !token.isEmpty else { throw LazadaError.missingParameter("access_token") }
        guard case .valid = tokens.verify(token, .accessToken, account: shop.shopID, now: now), !tokens.isRevoked(accessToken: token)
        else { throw LazadaError.illegalAccessToken }
        if faults.expiresToken(.lazada, forced: forceExpired) {
            // The token stays refused from now on: the client has to refresh, not just retry.
            tokens.revoke(accessToken: token)
            throw LazadaError.illegalAccessToken
        }
    }

    // MARK: - Responses

    /// `{"code":"0","data":…,"request_id":…}` around a body written by `body`.
    func envelope(_ body: (inout JSONWriter) -> Void) -> Response {
        var writer = JSONWriter(reservingCapacity: 16_384)
        writer.beginObject()
        writer.field("code", "0")
        writer.key("data")
        body(&writer)
        writer.field("request_id", HTTPReply.requestID())
        writer.endObject()
        return HTTPReply.json(.ok, writer.bytes)
    }

    /// An integer parameter within `range`, or its default when absent.
    func integer(_ name: String, in parameters: QueryParameters, default value: Int, range: ClosedRange<Int>,
                 error: LazadaError) throws -> Int {
        guard let text = parameters[name], !text.isEmpty else { return value }
        guard let number = Int(text), range.contains(number) else { throw error }
        return number
    }
}
