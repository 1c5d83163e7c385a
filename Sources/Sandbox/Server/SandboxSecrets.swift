import Foundation
import OmnidashCore

/// Where each emulator's app credentials and signing keys come from: the seed and the platform, so that a restarted
/// Sandbox with the same seed accepts the tokens it issued before, and no two platforms share a secret.
enum SandboxSecrets {
    /// The random stream of `platform`'s secrets.
    static func generator(seed: UInt64, platform: Platform) -> SeededGenerator {
        // FNV-1a over the raw value: stable across runs and Swift versions, unlike `hashValue`.
        let key = platform.rawValue.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
        return SeededGenerator(seed: seed, stream: .secrets, Int64(bitPattern: key))
    }

    static func hex(bytes: Int, using generator: inout SeededGenerator) -> String {
        Hex.encode((0..<bytes).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
    }

    static func alphanumeric(_ count: Int, using generator: inout SeededGenerator) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        return String(decoding: (0..<count).map { _ in alphabet[generator.below(alphabet.count)] }, as: UTF8.self)
    }

    static func key(using generator: inout SeededGenerator) -> [UInt8] {
        (0..<32).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    }
}
