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
        var hmac = keyed
        if let normalized = Self.fastNormalized(value, kind: kind) {
            hmac.update(data: normalized)
        } else {
            hmac.update(data: Data(Self.normalized(value, kind: kind).utf8))
        }
        return Self.text(of: hmac.finalize())
    }

    /// `hmac:` and the first 16 bytes in lowercase hex, written straight into the string's storage.
    private static func text(of code: HashedAuthenticationCode<SHA256>) -> String {
        let prefix: StaticString = "hmac:"
        let digits: StaticString = "0123456789abcdef"
        return code.withUnsafeBytes { mac in
            String(unsafeUninitializedCapacity: prefix.utf8CodeUnitCount + 32) { output in
                var index = 0
                for offset in 0..<prefix.utf8CodeUnitCount {
                    output[index] = prefix.utf8Start[offset]
                    index += 1
                }
                for byte in mac.prefix(16) {
                    output[index] = digits.utf8Start[Int(byte >> 4)]
                    output[index + 1] = digits.utf8Start[Int(byte & 0x0F)]
                    index += 2
                }
                return index
            }
        }
    }

    /// The normalisation that defines the hashes. Existing warehouses hold hashes made with it, so it never changes.
    static func normalized(_ value: String, kind: Kind) -> String {
        switch kind {
        case .identifier: value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        case .phone: String(String.UnicodeScalarView(value.unicodeScalars.filter { ("0"..."9").contains($0) }))
        case .text: value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    /// The same normalisation over UTF-8 bytes, for the values where it provably gives the same bytes: digits for
    /// phones always; trimmed, lower-cased ASCII for identifiers; and for names and addresses, text in ASCII, Thai
    /// and Latin-1 letters, none of which is whitespace or joins a neighbour across a space, unless a Thai mark
    /// follows a space (a space and its mark are one `Character`, which `split` drops whole). `nil` sends the value
    /// to `normalized`: hashes never change.
    static func fastNormalized(_ value: String, kind: Kind) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(value.utf8.count)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        switch kind {
        case .phone:
            for byte in value.utf8 where byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { output.append(byte) }
            return output
        case .identifier:
            for byte in value.utf8 {
                guard byte < 0x80 else { return nil }
                output.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            }
            while let first = output.first, isSpace(first) { output.removeFirst() }
            while let last = output.last, isSpace(last) { output.removeLast() }
            return output
        case .text:
            var pendingSpace = false
            var afterSpace = false
            for scalar in value.unicodeScalars {
                if scalar.isASCII {
                    let byte = UInt8(scalar.value)
                    if isSpace(byte) {
                        pendingSpace = !output.isEmpty
                        afterSpace = true
                        continue
                    }
                } else {
                    let thai = (0x0E01...0x0E5B).contains(scalar.value)
                    let latinLetter = (0x00C0...0x00FF).contains(scalar.value)
                    guard thai || latinLetter else { return nil }
                    // Thai's combining marks, and SARA AM (a letter by category, a spacing mark to grapheme breaking).
                    if afterSpace, thai, scalar.properties.isGraphemeExtend || scalar.value == 0x0E33 { return nil }
                }
                if pendingSpace { output.append(0x20) }
                pendingSpace = false
                afterSpace = false
                output.append(contentsOf: UTF8.encode(scalar)!)
            }
            return output
        }
    }
}
