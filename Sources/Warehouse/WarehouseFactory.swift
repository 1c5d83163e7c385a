import Logging

extension WarehouseLocation {
    /// Opens the engine this location names. Migrations are not applied: call `migrate()`.
    public func open(logger: Logger = Logger(label: "omnidash.warehouse")) async throws -> any Warehouse {
        switch self {
        case .sqlite(let path): try SQLiteWarehouse(path: path)
        case .postgres(let location): try await PostgresWarehouse(location: location, logger: logger)
        }
    }
}
