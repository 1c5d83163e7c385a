import Foundation

/// Reads and writes connector state in `sync_state`.
public struct SyncStateStore: Sendable {
    public let warehouse: any Warehouse

    public init(warehouse: any Warehouse) {
        self.warehouse = warehouse
    }

    /// The saved state, decoded; `nil` when the stream never ran.
    public func state<State: Decodable>(_ type: State.Type, source: String, accountID: String, stream: String) async throws -> State? {
        let rows = try await warehouse.query(SQLStatement(
            "SELECT state_json FROM sync_state WHERE source = :source AND account_id = :account AND stream = :stream",
            ["source": .text(source), "account": .text(accountID), "stream": .text(stream)]))
        guard let json = rows.first?.optionalText("state_json") else { return nil }
        return try JSONDecoder().decode(State.self, from: Data(json.utf8))
    }

    /// The update that saves `state`, to put in the same `RawPage` as the rows it covers.
    public static func update<State: Encodable>(_ state: State, source: String, accountID: String, stream: String) throws -> SyncStateUpdate {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return SyncStateUpdate(source: source, accountID: accountID, stream: stream,
                               stateJSON: String(decoding: try encoder.encode(state), as: UTF8.self))
    }

    /// Saves `state` on its own (when a stream finishes with no rows to carry it).
    public func save<State: Encodable>(_ state: State, source: String, accountID: String, stream: String) async throws {
        try await warehouse.write([try Self.update(state, source: source, accountID: accountID, stream: stream)
            .operation(updatedAt: Timestamp.now())])
    }
}
