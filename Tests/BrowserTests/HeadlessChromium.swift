import Foundation

/// Debian's `chromium`, started headless for one test with its own profile, and the DevTools address it listens on.
///
/// The browser tests fail, never skip, when Chromium is missing: `.ci/run` installs it, and a page nobody looked at in
/// a browser is not tested.
final class HeadlessChromium: @unchecked Sendable {
    let process = Process()
    let profile: URL
    /// `ws://127.0.0.1:PORT/devtools/browser/…`.
    let webSocketURL: String

    static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

    init() throws {
        guard let executable = Self.candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw BrowserTestError("no Chromium at \(Self.candidates.joined(separator: ", ")); install Debian's chromium (.ci/run does)")
        }
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("omnidash-chromium-\(UUID().uuidString)")
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
            "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "--remote-allow-origins=*", "--user-data-dir=\(profile.path)", "about:blank",
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Chromium names its DevTools address on stderr once it listens.
        var output = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            output += String(decoding: chunk, as: UTF8.self)
            if let line = output.split(separator: "\n").first(where: { $0.contains("DevTools listening on ws://") }),
               let start = line.range(of: "ws://") {
                webSocketURL = String(line[start.lowerBound...]).trimmingCharacters(in: .whitespaces)
                // Keep draining stderr so Chromium never blocks on a full pipe.
                errors.fileHandleForReading.readabilityHandler = { _ = $0.availableData }
                return
            }
        }
        process.terminate()
        throw BrowserTestError("Chromium did not print its DevTools address within 30 s: \(output.suffix(500))")
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: profile)
    }
}

struct BrowserTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
