import Foundation
import OmnidashCore

/// GA4's entry in `/_sandbox/credentials` (under `ga4`): `base_url` is what Google's Data API client takes as its
/// `api_endpoint` (paths start with `/v1beta/properties/…`), the property, the token endpoint, an OAuth client with a
/// refresh token, and a service account's key file.
public struct GA4SandboxCredentials: PlatformCredentials, Equatable {
    public static let platform = Platform.ga4

    public var baseURL: String
    public var propertyIDs: [String]
    public var tokenURL: String
    public var clientID: String
    public var clientSecret: String
    public var refreshToken: String
    public var serviceAccount: GA4ServiceAccountKeyFile

    public init(baseURL: String, propertyIDs: [String], tokenURL: String, clientID: String, clientSecret: String,
                refreshToken: String, serviceAccount: GA4ServiceAccountKeyFile) {
        self.baseURL = baseURL
        self.propertyIDs = propertyIDs
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.refreshToken = refreshToken
        self.serviceAccount = serviceAccount
    }

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url", propertyIDs = "property_ids", tokenURL = "token_url", clientID = "client_id",
             clientSecret = "client_secret", refreshToken = "refresh_token", serviceAccount = "service_account"
    }

    /// The key file's content, as a user would save it.
    public var serviceAccountJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(serviceAccount)) ?? Data(), as: UTF8.self)
    }

    /// The OAuth way; `serviceAccountSettings` is the other.
    public func settings(rateLimit: OmnidashConfiguration.RateLimit) -> any SourceSettings {
        GA4Settings(baseURL: baseURL, tokenURL: tokenURL, propertyIDs: propertyIDs, clientID: clientID, clientSecret: clientSecret,
                    refreshToken: refreshToken, rateLimit: rateLimit)
    }

    /// The same property read as the service account, with the key file's content inline.
    public func serviceAccountSettings(rateLimit: OmnidashConfiguration.RateLimit) -> GA4Settings {
        GA4Settings(baseURL: baseURL, tokenURL: tokenURL, propertyIDs: propertyIDs, serviceAccountJSON: serviceAccountJSON,
                    rateLimit: rateLimit)
    }

    public var summary: [(name: String, value: String)] {
        [("base_url", baseURL), ("token_url", tokenURL), ("property_ids", propertyIDs.joined(separator: ", ")), ("client_id", clientID),
         ("client_secret", clientSecret), ("refresh_token", refreshToken), ("service_account", serviceAccount.clientEmail)]
    }
}

extension SandboxCredentials {
    /// The Sandbox's GA4 credentials; it always emulates GA4.
    public var ga4: GA4SandboxCredentials { self[GA4SandboxCredentials.self]! }
}
