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
        try await Self.forEachLine(of: handle, body)
    }

    /// The same over an open handle, such as standard input.
    public static func forEachLine(of handle: FileHandle, _ body: (ArraySlice<UInt8>, Int) async throws -> Void) async throws {
        var carry: [UInt8] = []
        var lineNumber = 0
        while true {
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { break }
            var buffer = carry
            buffer.append(contentsOf: chunk)
            var start = 0
            for newline in Self.newlines(in: buffer) {
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

extension LineReader {
    /// The offsets of every `\n` in `buffer`, found with `memchr` (several times faster than a byte loop on 3 KB lines).
    static func newlines(in buffer: [UInt8]) -> [Int] {
        buffer.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return [] }
            var offsets: [Int] = []
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                offsets.append(position)
                offset = position + 1
            }
            return offsets
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
