/// A service account's JSON key file, with Google's field names, as `/_sandbox/credentials` hands it out under
/// `ga4.service_account` (write it to a file and point `GOOGLE_APPLICATION_CREDENTIALS` or Omnidash at it).
public struct GA4ServiceAccountKeyFile: Codable, Sendable, Equatable {
    public var type: String
    public var projectID: String
    public var privateKeyID: String
    /// PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`).
    public var privateKey: String
    public var clientEmail: String
    public var clientID: String
    public var authURI: String
    public var tokenURI: String
    public var authProviderX509CertURL: String
    public var clientX509CertURL: String
    public var universeDomain: String

    enum CodingKeys: String, CodingKey {
        case type, projectID = "project_id", privateKeyID = "private_key_id", privateKey = "private_key",
             clientEmail = "client_email", clientID = "client_id", authURI = "auth_uri", tokenURI = "token_uri",
             authProviderX509CertURL = "auth_provider_x509_cert_url", clientX509CertURL = "client_x509_cert_url",
             universeDomain = "universe_domain"
    }
}
