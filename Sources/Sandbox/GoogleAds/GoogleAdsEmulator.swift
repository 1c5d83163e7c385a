import Foundation
import Hummingbird
import OmnidashCore

/// An emulator of the Google Ads API (REST) and of Google's OAuth token endpoint (ads-apis.md §2, §3):
/// `POST /token` (refresh-token grant), `GET /{version}/customers:listAccessibleCustomers`, and
/// `POST /{version}/customers/{id}/googleAds:search` / `:searchStream` answering the GAQL the client sends.
///
/// The OAuth user is a user of the manager account only: a client customer is reached with `login-customer-id` set to
/// the manager, as Google requires. Every call carries `Authorization: Bearer` and `developer-token`; errors use
/// Google's `google.rpc.Status` envelope with a `GoogleAdsFailure` in its details.
struct GoogleAdsEmulator: Emulator {
    static let credentialsType: any PlatformCredentials.Type = GoogleAdsSandboxCredentials.self
    static let adAccounts = GoogleAdsAccounts.all

    /// The versions Google serves (the client library ships v23–v26; v26 is the latest, ads-apis.md §3.1).
    static let servedVersions = ["v23", "v24", "v25", "v26"]
    static let latestVersion = "v26"
    /// Rows per `search` page and per `searchStream` batch: Google's fixed 10,000.
    static let pageSize = 10_000
    /// A Sandbox-only request header that makes pages and batches smaller, so tests can see paging without 10,000 rows.
    static let pageSizeHeader = "X-Sandbox-Page-Size"
    /// The token endpoint's path (Google's is `https://oauth2.googleapis.com/token`).
    static let tokenPath = "/token"

    let world: SandboxWorld
    let secrets: GoogleAdsSecrets
    let faults: FaultInjector
    let clock: @Sendable () -> Date

    init(_ context: EmulatorContext) {
        self.world = context.world
        self.secrets = GoogleAdsSecrets(seed: context.seed)
        self.faults = context.faults
        self.clock = context.clock
    }

    func serves(path: String) -> Bool {
        if path == Self.tokenPath { return true }
        let components = Self.components(path)
        return components.count >= 2 && Self.isVersion(components[0]) && components[1].hasPrefix("customers")
    }

    func credentials(serverURL: String) -> any PlatformCredentials {
        GoogleAdsSandboxCredentials(
            baseURL: serverURL, clientID: secrets.clientID, clientSecret: secrets.clientSecret, refreshToken: secrets.refreshToken,
            developerToken: secrets.developerToken, loginCustomerID: GoogleAdsAccounts.managerCustomerID,
            customerIDs: world.adAccounts(on: .googleAds).map(\.id), tokenURL: serverURL + Self.tokenPath,
            apiVersion: Self.latestVersion)
    }

    /// `v` and digits: `v26`.
    static func isVersion(_ text: String) -> Bool {
        text.count >= 2 && text.first == "v" && text.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The path's components, with `%3A` read as the `:` of custom methods.
    static func components(_ path: String) -> [String] {
        path.replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%3a", with: ":")
            .split(separator: "/").map(String.init)
    }

    func respond(to request: EmulatorRequest) async -> Response {
        if request.path == Self.tokenPath { return token(request) }
        let components = Self.components(request.path)
        let version = components[0]
        let requestID = Self.requestID()
        let isStream = components.last?.hasSuffix(":searchStream") == true
        let injected = faults.beginRequest(.googleAds, header: request.faultHeader)
        if let delay = injected.delay { try? await Task.sleep(for: delay) }
        let failureVersion = Self.servedVersions.contains(version) ? version : Self.latestVersion
        if injected.serverError {
            return GoogleAdsError.server(ordinal: injected.serverErrorOrdinal).response(version: failureVersion, requestID: requestID, streamed: isStream)
        }
        if injected.throttle {
            return GoogleAdsError.quota(retryAfter: 1 + injected.throttleOrdinal % 3)
                .response(version: failureVersion, requestID: requestID, streamed: isStream)
        }
        do {
            guard Self.servedVersions.contains(version) else {
                throw GoogleAdsError.request("UNSUPPORTED_VERSION", "Version \(version) is deprecated or not supported. Requests to this version will be blocked.")
            }
            try authenticate(request.headers, forceExpired: injected.forceExpiredToken)
            var response: Response
            switch (request.method, components.count) {
            case (.get, 2) where components[1] == "customers:listAccessibleCustomers":
                response = HTTPReply.json(.ok, .object([("resourceNames", .array([.string("customers/\(GoogleAdsAccounts.managerCustomerID)")]))]))
            case (.post, 4) where components[1] == "customers" && components[3].hasPrefix("googleAds:"):
                let customerID = components[2]
                let method = String(components[3].dropFirst("googleAds:".count))
                guard method == "search" || method == "searchStream" else {
                    throw GoogleAdsError(httpStatus: .notFound, status: "NOT_FOUND", message: "Method not found.",
                                         errors: [("requestError", "BAD_RESOURCE_ID", "The method \(method) is not served.")])
                }
                let customer = try authorize(customerID, headers: request.headers)
                let body = try Self.requestBody(request.body)
                let pageSize = request.headers[.init(Self.pageSizeHeader)!].flatMap { Int($0) }.map { max(1, $0) } ?? Self.pageSize
                response = method == "search"
                    ? try search(customerID: customerID, customer: customer, body: body, pageSize: pageSize, requestID: requestID)
                    : try searchStream(customerID: customerID, customer: customer, body: body, batchSize: pageSize, requestID: requestID)
            default:
                throw GoogleAdsError(httpStatus: .notFound, status: "NOT_FOUND", message: "The requested URL \(request.path) was not found.",
                                     errors: [])
            }
            response.headers[.init("request-id")!] = requestID
            return response
        } catch let error as GoogleAdsError {
            return error.response(version: failureVersion, requestID: requestID, streamed: isStream)
        } catch {
            return GoogleAdsError.server(ordinal: 0).response(version: failureVersion, requestID: requestID, streamed: isStream)
        }
    }

    // MARK: - Authentication and access

    /// `Authorization: Bearer <access token>` minted by the token endpoint and not expired or revoked, and the developer
    /// token in `developer-token`.
    private func authenticate(_ headers: HTTPFields, forceExpired: Bool) throws(GoogleAdsError) {
        guard let authorization = headers[.authorization], authorization.hasPrefix("Bearer "), authorization.count > 7 else {
            throw GoogleAdsError(httpStatus: .unauthorized, status: "UNAUTHENTICATED",
                                 message: "Request is missing required authentication credential. Expected OAuth 2 access token, "
                                     + "login cookie or other valid authentication credential.",
                                 errors: [("authenticationError", "OAUTH_TOKEN_HEADER_INVALID", "Oauth token HTTP header is malformed.")])
        }
        let token = String(authorization.dropFirst("Bearer ".count))
        let now = Int64(clock().timeIntervalSince1970)
        switch secrets.accessTokens.verify(token, .accessToken, account: GoogleAdsSecrets.userAccount, now: now) {
        case .invalid: throw GoogleAdsError.unauthenticated("OAUTH_TOKEN_INVALID", "Oauth token is invalid.")
        case .expired: throw GoogleAdsError.unauthenticated("OAUTH_TOKEN_EXPIRED", "Oauth token is expired.")
        case .valid: break
        }
        if secrets.accessTokens.isRevoked(accessToken: token) {
            throw GoogleAdsError.unauthenticated("OAUTH_TOKEN_EXPIRED", "Oauth token is expired.")
        }
        guard let developerToken = headers[.init("developer-token")!], !developerToken.isEmpty else {
            throw GoogleAdsError.request("DEVELOPER_TOKEN_PARAMETER_MISSING", "developer-token parameter is missing.")
        }
        guard developerToken == secrets.developerToken else {
            throw GoogleAdsError.unauthenticated("DEVELOPER_TOKEN_INVALID", "The developer token is not valid.")
        }
        if faults.expiresToken(.googleAds, forced: forceExpired) {
            secrets.accessTokens.revoke(accessToken: token)
            throw GoogleAdsError.unauthenticated("OAUTH_TOKEN_EXPIRED", "Oauth token is expired.")
        }
    }

    /// The customer the path names, if the user may read it: the manager directly, a client only through the manager
    /// (`login-customer-id`, ten digits without dashes). `nil` is the manager itself.
    private func authorize(_ customerID: String, headers: HTTPFields) throws(GoogleAdsError) -> SandboxAdAccount? {
        guard customerID.count == 10, customerID.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw GoogleAdsError.request("INVALID_CUSTOMER_ID", "The customer id '\(customerID)' is invalid: ten digits without dashes.")
        }
        let login = headers[.init("login-customer-id")!]
        if let login, !(login.count == 10 && login.allSatisfy({ $0.isASCII && $0.isNumber })) {
            throw GoogleAdsError.request("INVALID_CUSTOMER_ID", "Invalid customer ID '\(login)' in the login-customer-id header.")
        }
        if customerID == GoogleAdsAccounts.managerCustomerID {
            guard login == nil || login == customerID else { throw GoogleAdsError.userPermissionDenied }
            return nil
        }
        guard let customer = world.adAccounts(on: .googleAds).first(where: { $0.id == customerID }),
              login == GoogleAdsAccounts.managerCustomerID else {
            throw GoogleAdsError.userPermissionDenied
        }
        return customer
    }

    // MARK: - Helpers

    /// The JSON body of a search call.
    static func requestBody(_ bytes: [UInt8]) throws(GoogleAdsError) -> [String: Any] {
        guard !bytes.isEmpty else { return [:] }
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw GoogleAdsError(httpStatus: .badRequest, status: "INVALID_ARGUMENT",
                                 message: "Invalid JSON payload received. Unexpected token.", errors: [])
        }
        return object
    }

    /// 22 URL-safe characters, the shape of Google's request ids.
    static func requestID() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        return String((0..<22).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] })
    }
}
