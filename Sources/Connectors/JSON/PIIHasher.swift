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

    /// HMAC keyed once; each hash copies it, which saves deriving the key pads for every value.
    private let keyed: HMAC<SHA256>

    /// - Precondition: `secret` is not empty (configuration validation requires 16+ characters).
    public init(secret: String) {
        precondition(!secret.isEmpty, "the PII key is empty")
        keyed = HMAC<SHA256>(key: SymmetricKey(data: Data(secret.utf8)))
    }

    /// `hmac:` followed by 32 hex digits (128 bits of HMAC-SHA256): stable for a key, meaningless without it.
    public func hash(_ value: String, kind: Kind) -> String {
        let normalized: String
        switch kind {
        case .identifier: normalized = value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        case .phone: normalized = String(String.UnicodeScalarView(value.unicodeScalars.filter { ("0"..."9").contains($0) }))
        case .text: normalized = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var hmac = keyed
        hmac.update(data: Data(normalized.utf8))
        return "hmac:" + Hex.lowercase(hmac.finalize().prefix(16))
    }
}
