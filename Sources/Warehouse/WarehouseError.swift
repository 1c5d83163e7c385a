import Foundation
import OmnidashCore

/// Why a warehouse operation failed, in one line that names the engine and the statement's first words.
public enum WarehouseError: UserFacingError, Equatable {
    case invalidLocation(String)
    case missingParameter(String)
    case engine(engine: String, message: String, sql: String)
    case migrationFailed(id: Int, name: String, message: String)
    case unreachable(String)

    public var description: String {
        switch self {
        case .invalidLocation(let reason): "warehouse: \(reason)"
        case .missingParameter(let name): "warehouse: SQL names :\(name) but no value was bound for it"
        case .engine(let engine, let message, let sql):
            "warehouse (\(engine)): \(message) in `\(sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ").prefix(120))`"
        case .migrationFailed(let id, let name, let message): "warehouse: migration \(id) \(name) failed: \(message)"
        case .unreachable(let reason): "warehouse: \(reason)"
        }
    }
}
