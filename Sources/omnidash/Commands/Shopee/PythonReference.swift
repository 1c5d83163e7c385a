import Foundation

/// Runs `bench/python_reference_ingest.py` on the bench's file, so `bench ingest` compares against it in the same run
/// on the same machine state (figures from different days differ by more than the changes being measured).
struct PythonReference {
    var orders: Int
    var seconds: Double
    var peakMegabytes: Int

    static func run(script: String, file: String, directory: String) throws -> PythonReference {
        let target = (directory as NSString).appendingPathComponent("python-reference.sqlite")
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) } }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, file, target]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0, let result = parse(text) else {
            throw CommandFailure("bench: the Python reference failed (exit \(process.terminationStatus)): \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return result
    }

    /// Reads `python reference: 100,000 orders in 12.20 s, 8,199 orders/s, peak RSS 31 MB`.
    static func parse(_ text: String) -> PythonReference? {
        guard let line = text.split(separator: "\n").last(where: { $0.hasPrefix("python reference:") }) else { return nil }
        let words = line.replacingOccurrences(of: ",", with: "").split(separator: " ")
        guard let ordersAt = words.firstIndex(of: "orders"), ordersAt > 0, let orders = Int(words[ordersAt - 1]),
              let inAt = words.firstIndex(of: "in"), inAt + 1 < words.count, let seconds = Double(words[inAt + 1]),
              let rssAt = words.firstIndex(of: "RSS"), rssAt + 1 < words.count, let peak = Int(words[rssAt + 1]) else { return nil }
        return PythonReference(orders: orders, seconds: seconds, peakMegabytes: peak)
    }
}
