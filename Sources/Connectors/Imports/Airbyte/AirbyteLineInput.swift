import Foundation

/// Where an Airbyte `read` output comes from: a file (read by `LineReader`) or standard input (`-`), line by line in
/// constant memory, so `airbyte read … | omnidash import airbyte --source … -` works as well as a saved file.
public enum AirbyteLineInput: Sendable {
    case file(String)
    case standardInput

    public init(_ argument: String) {
        self = argument == "-" ? .standardInput : .file(argument)
    }

    /// The name rejects and lineage carry: the file's name, or `stdin`.
    public var name: String {
        switch self {
        case .file(let path): URL(fileURLWithPath: path).lastPathComponent
        case .standardInput: "stdin"
        }
    }

    /// Calls `body` with each non-blank line and its 1-based number.
    public func forEachLine(_ body: (ArraySlice<UInt8>, Int) async throws -> Void) async throws {
        switch self {
        case .file(let path):
            try await LineReader(path: path).forEachLine(body)
        case .standardInput:
            try await LineReader.forEachLine(of: FileHandle.standardInput, body)
        }
    }
}
