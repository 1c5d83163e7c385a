import Crypto
import Foundation

/// The app credentials and signing secrets of a Sandbox, derived from the seed so that a restarted Sandbox with the
/// same seed accepts the tokens it issued before.
struct SandboxSecrets: Sendable {
    let shopeePartnerID: Int64
    /// Shopee partner keys look like `shpk` followed by hex.
    let shopeePartnerKey: String
    /// Key for the MAC inside Shopee tokens and authorisation codes.
    let shopeeTokenKey: SymmetricKey
    let metaAccessToken: String
    let metaAppSecret: String

    init(seed: UInt64) {
        var generator = SeededGenerator(seed: seed, stream: .secrets)
        shopeePartnerID = 2_184_403
        shopeePartnerKey = "shpk" + SandboxSecrets.hex(bytes: 30, using: &generator)
        shopeeTokenKey = SymmetricKey(data: (0..<32).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        // Meta user and system-user tokens start with "EAA" and run to a couple of hundred characters.
        metaAccessToken = "EAAB" + String(decoding: (0..<160).map { _ in alphabet[generator.below(alphabet.count)] },
                                          as: UTF8.self)
        metaAppSecret = SandboxSecrets.hex(bytes: 16, using: &generator)
    }

    private static func hex(bytes: Int, using generator: inout SeededGenerator) -> String {
        Hex.encode((0..<bytes).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
    }
}
