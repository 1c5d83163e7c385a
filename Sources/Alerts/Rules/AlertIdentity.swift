import OmnidashCore

/// The id of an alert: the same (rule, subject, business date) always gives the same id, on any machine and engine,
/// so a re-evaluation finds the row it raised before.
enum AlertIdentity {
    static func id(rule: String, subject: String, date: BusinessDate?) -> String {
        let key = "\(rule)|\(subject)|\(date?.description ?? "-")"
        // FNV-1a, 64 bits: stable across runs and platforms, unlike Hasher, and needs no crypto for a row key.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "\(rule.prefix(while: { $0 != "." }))-\(String(repeating: "0", count: 16 - hex.count))\(hex)"
    }
}
