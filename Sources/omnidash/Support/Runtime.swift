import AsyncHTTPClient
import Foundation
import Logging
import OmnidashCore
import Warehouse

/// Opening and closing the long-lived resources a command uses.
enum Runtime {
    /// Opens the configured warehouse and applies pending migrations.
    static func openWarehouse(_ configuration: OmnidashConfiguration, migrate: Bool = true) async throws -> any Warehouse {
        let warehouse = try await WarehouseLocation(parsing: configuration.warehouse).open(logger: logger("warehouse", level: .error))
        if migrate {
            do {
                try await warehouse.migrate()
            } catch {
                await warehouse.close()
                throw error
            }
        }
        return warehouse
    }

    /// Runs `body` with a warehouse, closing it afterwards whatever happens.
    static func withWarehouse<T>(_ configuration: OmnidashConfiguration, migrate: Bool = true,
                                 _ body: (any Warehouse) async throws -> T) async throws -> T {
        let warehouse = try await openWarehouse(configuration, migrate: migrate)
        do {
            let result = try await body(warehouse)
            await warehouse.close()
            return result
        } catch {
            await warehouse.close()
            throw error
        }
    }

    /// Runs `body` with the process's one HTTP client, shutting it down afterwards.
    static func withHTTPClient<T>(_ body: (HTTPClient) async throws -> T) async throws -> T {
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(timeout: .init(connect: .seconds(10))))
        do {
            let result = try await body(client)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    static func logger(_ label: String, level: Logger.Level = .warning) -> Logger {
        var logger = Logger(label: "omnidash.\(label)")
        logger.logLevel = ProcessInfo.processInfo.environment["OMNIDASH_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? level
        return logger
    }
}
