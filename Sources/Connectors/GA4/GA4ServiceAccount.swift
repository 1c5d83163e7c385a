import _CryptoExtras
import Crypto
import Foundation
import OmnidashCore

/// A service account's JSON key (as Google Cloud issues it) and the JWT assertions signed with it, exactly as
/// google-auth builds them (ads-apis.md §2): header `{"alg":"RS256","typ":"JWT","kid":…}`, claims `iss`, `scope`,
/// `aud`, `iat`, `exp` = `iat` + 3600, base64url without padding, RSASSA-PKCS1-v1_5 with SHA-256.
struct GA4ServiceAccount: Sendable {
    let clientEmail: String
    let privateKeyID: String?
    let tokenURI: String?
    let privateKey: _RSA.Signing.PrivateKey

    /// Reads the key file's content; the error names the field at fault.
    init(json: String, origin: String) throws {
        func fail(_ reason: String) -> ConnectorError {
            ConnectorError(.authentication, platform: .ga4, endpoint: "service account", message: "\(origin): \(reason)")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else {
            throw fail("is not a JSON object (the key file Google Cloud issues)")
        }
        guard object["type"] as? String == "service_account" else { throw fail("type: expected 'service_account'") }
        guard let email = object["client_email"] as? String, email.contains("@") else { throw fail("client_email: missing") }
        guard let pem = object["private_key"] as? String, pem.contains("PRIVATE KEY") else {
            throw fail("private_key: missing or not a PEM key")
        }
        do {
            privateKey = try _RSA.Signing.PrivateKey(pemRepresentation: pem)
        } catch {
            throw fail("private_key: not an RSA key of 2048 bits or more (\(error))")
        }
        clientEmail = email
        privateKeyID = object["private_key_id"] as? String
        tokenURI = object["token_uri"] as? String
    }

    /// The key at `path` or given inline.
    static func load(_ credentials: GA4Settings.Credentials) throws -> GA4ServiceAccount? {
        switch credentials {
        case .oauth: return nil
        case .serviceAccountJSON(let json): return try GA4ServiceAccount(json: json, origin: "service_account_json")
        case .serviceAccountFile(let path):
            do {
                return try GA4ServiceAccount(json: try ReadableFile.text(at: path), origin: "service_account_file \(path)")
            } catch let problem as ReadableFile.Problem {
                throw ConnectorError(.authentication, platform: .ga4, endpoint: "service account", message: "service_account_file: \(problem)")
            }
        }
    }

    /// A signed assertion for `audience` (the token endpoint), issued at `now`.
    func assertion(audience: String, scope: String, now: Int64) throws -> String {
        var header: [(String, String)] = [("alg", "RS256"), ("typ", "JWT")]
        if let privateKeyID { header.append(("kid", privateKeyID)) }
        let headerJSON = "{" + header.map { "\(Self.quoted($0.0)):\(Self.quoted($0.1))" }.joined(separator: ",") + "}"
        let claimsJSON = "{\"iat\":\(now),\"exp\":\(now + GA4.assertionLifetime),\"iss\":\(Self.quoted(clientEmail)),"
            + "\"aud\":\(Self.quoted(audience)),\"scope\":\(Self.quoted(scope))}"
        let signingInput = Self.base64URL(Data(headerJSON.utf8)) + "." + Self.base64URL(Data(claimsJSON.utf8))
        let signature = try privateKey.signature(for: Data(signingInput.utf8), padding: .insecurePKCS1v1_5)
        return signingInput + "." + Self.base64URL(signature.rawRepresentation)
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }

    /// Base64url without padding (RFC 7515 §2).
    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
