import Foundation
import OmnidashCore
import OmnidashTestSupport
import Warehouse

/// The clock file `omnidash run --clock-file` reads: instants in Bangkok, starting at 23:59 on `day`.
struct RunClock {
    let path: String
    let day: BusinessDate

    init(day: BusinessDate) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("omnidash-clock-\(UUID().uuidString)").path
        self.day = day
        try set(day, hour: 23, minute: 59, second: 0)
    }

    func instant(_ day: BusinessDate, hour: Int, minute: Int = 0, second: Int = 0) -> Date {
        Date(timeIntervalSince1970: TimeInterval(BusinessCalendar.bangkok.startOfDay(day) + Int64(hour * 3600 + minute * 60 + second)))
    }

    /// Replaces the file whole (write, then rename), so the service never reads half an instant.
    func set(_ day: BusinessDate, hour: Int, minute: Int, second: Int) throws {
        try Data(Timestamp.string(instant(day, hour: hour, minute: minute, second: second)).utf8)
            .write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// A running `omnidash` service whose standard error is kept in a file for the test to read.
final class ServiceProcess: @unchecked Sendable {
    let process: Process
    let logPath: String

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        logPath = FileManager.default.temporaryDirectory.appendingPathComponent("omnidash-run-\(UUID().uuidString).log").path
        FileManager.default.createFile(atPath: logPath, contents: nil)
        process = Process()
        process.executableURL = try OmnidashBinary.url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(atPath: logPath)
    }

    var isRunning: Bool { process.isRunning }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Waits until the service has planned its timetable (it prints the next runs).
    func waitForStart(timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now + timeout
        while !log.contains("run: schedule in") {
            guard isRunning, ContinuousClock.now < deadline else { throw TestSupportError("omnidash run did not start: \(log)") }
            try await Task.sleep(for: .milliseconds(50))
        }
        // One tick more, so the service has read the starting instant before the test moves the clock.
        try await Task.sleep(for: .milliseconds(500))
    }

    /// Sends SIGTERM and waits for the exit; its status, or -1 if it had to be killed after `timeout`.
    func terminate(timeout: Duration = .seconds(120)) async throws -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return -1
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationReason == .exit ? process.terminationStatus : -1
    }
}

/// A TCP port nothing listens on now.
func freePort() throws -> Int {
    let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
    }
    guard bound else { throw TestSupportError("no free port: \(errno)") }
    return Int(UInt16(bigEndian: address.sin_port))
}
