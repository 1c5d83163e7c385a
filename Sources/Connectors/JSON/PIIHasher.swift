import Crypto
import Foundation

/// Replaces buyer names, e-mails, phones and addresses with HMAC-SHA256 hashes keyed with a secret
/// (`secrets.pii_key`), so nothing personal is stored in clear while the same buyer still counts once.
public struct PIIHasher: Sendable {
    public enum Kind: Sendable {
        /// Usernames and e-mails: compared case-insensitively.
        case identifier
        /// Phone numbers: compared on their digits only (`081-234-5678` = `0812345678`).
        case phone
        /// Names and addresses: compared after trimming and collapsing spaces.
        case text
    }

    private let key: SymmetricKey

    /// - Precondition: `secret` is not empty (configuration validation requires 16+ characters).
    public init(secret: String) {
        precondition(!secret.isEmpty, "the PII key is empty")
        key = SymmetricKey(data: Data(secret.utf8))
    }

    /// `hmac:` followed by 32 hex digits (128 bits of HMAC-SHA256): stable for a key, meaningless without it.
    public func hash(_ value: String, kind: Kind) -> String {
        let normalized: String
        switch kind {
        case .identifier: normalized = value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        case .phone: normalized = String(value.unicodeScalars.filter { CharacterSet.decimalDigits.contains($0) }.map(Character.init))
        case .text: normalized = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let mac = HMAC<SHA256>.authenticationCode(for: Data(normalized.utf8), using: key)
        return "hmac:" + mac.prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}
