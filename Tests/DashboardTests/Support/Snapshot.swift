import Foundation
import Testing

/// Compares `text` with `__Snapshots__/<suite>/<name>.html` next to the tests, recording the file when it is
/// missing (or when `OMNIDASH_RECORD_SNAPSHOTS=1`, to accept an intended change).
///
/// On a mismatch the failure names the first differing line, so the change shows without a diff tool.
func assertSnapshot(_ text: String, suite: String, named name: String,
                    sourceLocation: SourceLocation = #_sourceLocation) throws {
    // This file lives in Tests/DashboardTests/Support; snapshots live in Tests/DashboardTests/__Snapshots__.
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__").appendingPathComponent(suite)
    let file = directory.appendingPathComponent(name + ".html")
    let record = ProcessInfo.processInfo.environment["OMNIDASH_RECORD_SNAPSHOTS"] == "1"
    guard !record, FileManager.default.fileExists(atPath: file.path) else {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return
    }
    let recorded = try String(decoding: Data(contentsOf: file), as: UTF8.self)
    guard recorded != text else { return }
    let old = recorded.split(separator: "\n", omittingEmptySubsequences: false)
    let new = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
    let was = line < old.count ? String(old[line]) : "(end of file)"
    let now = line < new.count ? String(new[line]) : "(end of file)"
    Issue.record("snapshot \(suite)/\(name).html differs at line \(line + 1):\n  recorded: \(was)\n  rendered: \(now)",
                 sourceLocation: sourceLocation)
}
