import _CryptoExtras
import Crypto
import Foundation

/// The Sandbox's Google Cloud project for GA4: an OAuth client with a user's refresh token, and a service account
/// whose RSA key is generated when the Sandbox starts (never stored), so only the key file the Sandbox hands out signs
/// assertions it accepts. The OAuth secrets derive from the seed, so a restarted Sandbox accepts them again.
struct GA4Secrets: Sendable {
    let clientID: String
    let clientSecret: String
    let refreshToken: String
    let projectID: String
    let serviceAccountEmail: String
    let serviceAccountClientID: String
    let privateKeyID: String
    let privateKey: _RSA.Signing.PrivateKey
    /// Mints and checks access tokens (`ya29.` prefixed, like Google's).
    let accessTokens: TokenMint

    /// The OAuth user and the service account: access tokens are bound to one of them.
    static let userAccount: Int64 = 1
    static let serviceAccount: Int64 = 2
    /// Access tokens last an hour; the token endpoint says `expires_in: 3599`.
    static let accessTokenLifetime: Int64 = 3_599
    static let scope = "https://www.googleapis.com/auth/analytics.readonly"
    /// Scopes that include reading reports.
    static let readingScopes: Set<String> = [scope, "https://www.googleapis.com/auth/analytics"]

    init(seed: UInt64) {
        var generator = SandboxSecrets.generator(seed: seed, platform: .ga4)
        let project = String(100_000_000_000 + Int64(generator.below(800_000_000_000)))
        clientID = project + "-" + SandboxSecrets.alphanumeric(32, using: &generator).lowercased() + ".apps.googleusercontent.com"
        clientSecret = "GOCSPX-" + SandboxSecrets.alphanumeric(28, using: &generator)
        refreshToken = "1//0e" + SandboxSecrets.alphanumeric(98, using: &generator)
        projectID = "sukhon-analytics-" + String(100_000 + generator.below(900_000))
        serviceAccountEmail = "omnidash-reader@\(projectID).iam.gserviceaccount.com"
        serviceAccountClientID = String(100_000_000_000_000_000 + Int64(generator.below(800_000_000_000_000_000)))
        privateKeyID = SandboxSecrets.hex(bytes: 20, using: &generator)
        accessTokens = TokenMint(key: SymmetricKey(data: SandboxSecrets.key(using: &generator)), prefix: "ya29.c.")
        // A 2048-bit key, as Google issues: generated fresh, since a committed key would be a leaked one.
        privateKey = try! _RSA.Signing.PrivateKey(keySize: .bits2048)
    }

    /// The service account's key file, as Google Cloud lets one download it (`type: service_account`).
    func serviceAccountKey(tokenURL: String) -> GA4ServiceAccountKeyFile {
        GA4ServiceAccountKeyFile(
            type: "service_account", projectID: projectID, privateKeyID: privateKeyID,
            privateKey: privateKey.pkcs8PEMRepresentation.trimmingCharacters(in: .whitespacesAndNewlines) + "\n",
            clientEmail: serviceAccountEmail, clientID: serviceAccountClientID, authURI: "https://accounts.google.com/o/oauth2/auth",
            tokenURI: tokenURL, authProviderX509CertURL: "https://www.googleapis.com/oauth2/v1/certs",
            clientX509CertURL: "https://www.googleapis.com/robot/v1/metadata/x509/" + serviceAccountEmail.replacingOccurrences(of: "@", with: "%40"),
            universeDomain: "googleapis.com")
    }
}
