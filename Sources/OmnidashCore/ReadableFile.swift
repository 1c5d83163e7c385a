import Foundation

/// Opening a file the user named, with the reason in plain words when it cannot be read: missing, a directory,
/// not permitted, or not UTF-8 text. Foundation's own errors (`NSCocoaErrorDomain Code=256 "(null)"`) say none of it.
public enum ReadableFile {
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Throws unless `path` names a regular file this process may read.
    public static func check(_ path: String) throws(Problem) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Problem(path: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw Problem(path: path, reason: "is a directory, not a file") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw Problem(path: path, reason: "permission denied: this user may not read it")
        }
    }

    /// The whole file as text; invalid UTF-8 is named with its line rather than replaced.
    public static func text(at path: String) throws(Problem) -> String {
        try check(path)
        guard let data = FileManager.default.contents(atPath: path) else { throw Problem(path: path, reason: "could not be read") }
        let bytes = [UInt8](data)
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        throw Problem(path: path, reason: utf8Problem(in: bytes[...]).map { "line \($0.line): \($0.reason)" } ?? "is not UTF-8 text")
    }

    /// Where `bytes` stop being UTF-8: the 1-based line and column, and the offending byte. `nil` when they are valid.
    public static func utf8Problem(in bytes: ArraySlice<UInt8>) -> (line: Int, reason: String)? {
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { line += 1; lineStart = index + 1 }
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let end = index + max(length, 1)
            if length == 0 || end > bytes.endIndex || String(validating: bytes[index..<end], as: UTF8.self) == nil {
                let hex = "0x" + String(byte, radix: 16, uppercase: true)
                return (line, "not UTF-8 text: byte \(hex) at column \(index - lineStart + 1); save the file as UTF-8")
            }
            index = end
        }
        return nil
    }
}
