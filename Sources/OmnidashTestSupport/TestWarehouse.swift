import Foundation
import Warehouse

/// The two warehouse engines; warehouse tests are parameterised over both.
public enum WarehouseEngine: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }
}

/// A fresh, migrated warehouse for one test: a temporary SQLite file, or a new schema on the PostgreSQL server
/// named by `OMNIDASH_TEST_POSTGRES_URL` (scripts/with-postgres starts one). Call `tearDown()` at the end.
public struct TestWarehouse: Sendable {
    public let engine: WarehouseEngine
    public let warehouse: any Warehouse
    /// What `--warehouse` would be given to reach this same warehouse from the CLI.
    public let location: String
    private let cleanup: @Sendable () async -> Void

    public static func make(_ engine: WarehouseEngine, migrate: Bool = true) async throws -> TestWarehouse {
        let location: String
        let cleanup: @Sendable () async -> Void
        switch engine {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("omnidash-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            location = directory.appendingPathComponent("warehouse.sqlite").path
            cleanup = { try? FileManager.default.removeItem(at: directory) }
        case .postgres:
            let base = try postgresBaseURL()
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            location = "\(base)?schema=\(schema)"
            cleanup = {
                guard let admin = try? await WarehouseLocation(parsing: base).open() else { return }
                try? await admin.execute(SQLStatement("DROP SCHEMA IF EXISTS \(schema) CASCADE"))
                await admin.close()
            }
        }
        let warehouse = try await WarehouseLocation(parsing: location).open()
        if migrate { try await warehouse.migrate() }
        return TestWarehouse(engine: engine, warehouse: warehouse, location: location, cleanup: cleanup)
    }

    public func tearDown() async {
        await warehouse.close()
        await cleanup()
    }

    /// The PostgreSQL server for tests. Refuses anything but loopback, so a test can never touch a real warehouse.
    public static func postgresBaseURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["OMNIDASH_TEST_POSTGRES_URL"], !url.isEmpty else {
            throw TestSupportError("OMNIDASH_TEST_POSTGRES_URL is not set: run the tests with scripts/test (it starts a throwaway PostgreSQL)")
        }
        guard let host = URLComponents(string: url)?.host, ["127.0.0.1", "localhost", "::1"].contains(host) else {
            throw TestSupportError("OMNIDASH_TEST_POSTGRES_URL must point at loopback, not \(url)")
        }
        return url
    }
}

/// Runs `body` with a fresh warehouse of `engine`, tearing it down afterwards even when `body` throws.
public func withTestWarehouse<T>(_ engine: WarehouseEngine, migrate: Bool = true,
                                 _ body: (TestWarehouse) async throws -> T) async throws -> T {
    let fixture = try await TestWarehouse.make(engine, migrate: migrate)
    do {
        let result = try await body(fixture)
        await fixture.tearDown()
        return result
    } catch {
        await fixture.tearDown()
        throw error
    }
}

public struct TestSupportError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
