import Foundation

/// Runs the real `omnidash` executable that `swift build` put beside the test bundle.
enum OmnidashBinary {
    static var url: URL {
        get throws {
            let directory = Bundle.main.bundleURL.deletingLastPathComponent()
            for candidate in [directory.appendingPathComponent("omnidash"), Bundle.main.bundleURL.appendingPathComponent("omnidash")] {
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
            throw BinaryMissing(directory: directory.path)
        }
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        let directory: String
        var description: String { "no omnidash executable in \(directory): build it first (scripts/test runs `swift build --build-tests`)" }
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Starts the executable; the caller waits or kills.
    static func start(_ arguments: [String], stdout: FileHandle? = nil, stderr: FileHandle? = nil,
                      stdin: FileHandle? = nil) throws -> Process {
        let process = Process()
        process.executableURL = try url
        process.arguments = arguments
        if let stdin { process.standardInput = stdin }
        process.standardOutput = stdout ?? FileHandle.nullDevice
        process.standardError = stderr ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs the executable to completion and captures its output; after `timeout` it is killed and the result
    /// carries the signal's status, so a command that should have stopped fails its test instead of hanging it.
    /// - Parameter input: written to the command's stdin (a password for `--password-stdin`), which then ends.
    static func run(_ arguments: [String], input: String? = nil, timeout: Duration = .seconds(900)) async throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("omnidash-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("stdout")
        let err = directory.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        var stdin: FileHandle?
        if let input {
            let file = directory.appendingPathComponent("stdin")
            try Data(input.utf8).write(to: file)
            stdin = try FileHandle(forReadingFrom: file)
        }
        let process = try start(arguments, stdout: try FileHandle(forWritingTo: out), stderr: try FileHandle(forWritingTo: err),
                                stdin: stdin)
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline { process.interrupt() }
            try await Task.sleep(for: .milliseconds(20))
        }
        return Result(status: process.terminationStatus,
                      stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// Writes `configuration` as a config file (JSON is YAML), runs `body` with its path and removes the file
    /// afterwards, whether `body` returns or throws: tests leave nothing behind in the temporary directory.
    static func withConfigurationFile<Configuration: Encodable, T>(_ configuration: Configuration,
                                                                 _ body: (String) async throws -> T) async throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("omnidash-\(UUID().uuidString).yaml").path
        try JSONEncoder().encode(configuration).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await body(path)
    }
}
