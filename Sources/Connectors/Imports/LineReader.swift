import Foundation
import OmnidashCore

/// Reads a file line by line in 1 MiB chunks, so a file of any size is read in constant memory.
public struct LineReader: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Calls `body` with each line's bytes (without the newline) and its 1-based number; blank lines are skipped.
    public func forEachLine(_ body: (ArraySlice<UInt8>, Int) async throws -> Void) async throws {
        do {
            try ReadableFile.check(path)
        } catch {
            throw ImportError(path: path, line: nil, reason: error.reason)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ImportError(path: path, line: nil, reason: "cannot open the file") }
        defer { try? handle.close() }
        var carry: [UInt8] = []
        var lineNumber = 0
        while true {
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { break }
            var buffer = carry
            buffer.append(contentsOf: chunk)
            var start = 0
            while let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                lineNumber += 1
                let line = buffer[start..<newline]
                if line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) { try await body(line, lineNumber) }
                start = newline + 1
            }
            carry = Array(buffer[start...])
        }
        if carry.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) {
            lineNumber += 1
            try await body(carry[...], lineNumber)
        }
    }
}

/// An import that could not run at all (a missing file, a directory); malformed records are rejects, not errors.
public struct ImportError: Error, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var reason: String
    public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): \(reason)" }
}
