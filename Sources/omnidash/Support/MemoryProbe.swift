import Foundation

/// The process's resident memory, from /proc (Linux).
enum MemoryProbe {
    /// Resets the high-water mark, so `peak()` measures from now (Linux ≥ 4.0, `clear_refs` value 5).
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func current() -> Int { field("VmRSS") }
    static func peak() -> Int { field("VmHWM") }

    private static func field(_ name: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
    }
}
