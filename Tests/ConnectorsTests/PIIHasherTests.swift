@testable import Connectors
import Foundation
import Testing

/// Hashing normalises over bytes where it can; the hashes in existing warehouses depend on the normalisation, so
/// the fast path must give exactly what the original one gives, or step aside.
@Suite("PII hashing")
struct PIIHasherTests {
    @Test func theFastNormalisationAgreesWithTheOriginalOnThousandsOfValues() {
        let pieces = ["a", "Z", " ", "  ", "\t", "\r\n", "\n", "0", "8", "-", "+", "(", ".", "@", "é", "Ö", "ß", "ก", "ข", "ำ", "ั", "่", "้",
                      "เ", "ไ", "๑", "\u{00A0}", "\u{3000}", "\u{200D}", "\u{0301}", "中", "😀", "\u{0600}", "\u{85}", "ﾃ"]
        var random = SeededRandom(seed: 42)
        var fast = 0
        for _ in 0..<20_000 {
            let value = (0..<random.below(12)).map { _ in pieces[random.below(pieces.count)] }.joined()
            for kind in [PIIHasher.Kind.text, .identifier, .phone] {
                guard let bytes = PIIHasher.fastNormalized(value, kind: kind) else { continue }
                fast += 1
                #expect(bytes == Array(PIIHasher.normalized(value, kind: kind).utf8), "\(kind) of \(value.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
        #expect(fast > 20_000, "the fast path takes a good share even of these odd values: \(fast)")
    }

    @Test func hashesAreTheOnesExistingWarehousesHold() {
        let hasher = PIIHasher(secret: "test-pii-key-0123456789")
        // HMAC-SHA256 of the normalised text, computed outside Swift (Python's hmac); a changed hash would split
        // every buyer in two.
        #expect(hasher.hash("  XT4FDSF96J ", kind: .identifier) == "hmac:d0a71afded2b26847feddf47b4a6063e")
        #expect(hasher.hash("081-234-5678", kind: .phone) == "hmac:73208302327305d89e39dd507688b305")
        #expect(hasher.hash(" สมชาย  ใจดี\n", kind: .text) == "hmac:8f78ae6785ba348e2d5cc10659a0c462")
    }
}
