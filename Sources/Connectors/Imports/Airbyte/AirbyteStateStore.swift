import Foundation
import Warehouse

/// Reads and writes `airbyte_state`: the last `STATE` per source and stream, and the state file `airbyte read
/// --state` takes back.
public struct AirbyteStateStore: Sendable {
    public let warehouse: any Warehouse
    public let source: String

    public init(warehouse: any Warehouse, source: String) {
        self.warehouse = warehouse
        self.source = source
    }

    /// Saves `state` over the one it follows. A per-stream state replaces its stream's; a global or legacy state replaces
    /// everything the source had (a source that switched kinds must not be handed both back).
    public func save(_ state: AirbyteState, line: Int?, sourceFile: String?, runID: String) async throws {
        var operations: [WriteOperation] = []
        let clearOthers = state.kind == .stream
            ? "DELETE FROM airbyte_state WHERE source = :source AND stream = ''"
            : "DELETE FROM airbyte_state WHERE source = :source"
        operations.append(.execute(SQLStatement(clearOthers, ["source": .text(source)])))
        var row = AirbyteStateTable.schema.row()
        row["source"] = .text(source)
        row["stream"] = .text(state.stream)
        row["namespace"] = SQLValue(state.namespace)
        row["state_type"] = .text(state.kind.rawValue)
        row["state_json"] = .text(state.json)
        row["line_number"] = SQLValue(line.map(Int64.init))
        row["_source_file"] = SQLValue(sourceFile)
        row["_sync_run_id"] = .text(runID)
        row["updated_at"] = .text(Timestamp.now())
        operations.append(.insert(RowSet(AirbyteStateTable.schema, rows: [row], onConflict: .replace(key: ["source", "stream"]))))
        try await warehouse.write(operations)
    }

    /// The saved states, by stream name ("" for a global or legacy state).
    public func states() async throws -> [AirbyteState] {
        let rows = try await warehouse.query(SQLStatement(
            "SELECT stream, namespace, state_type, state_json FROM airbyte_state WHERE source = :source ORDER BY stream",
            ["source": .text(source)]))
        return rows.map { row in
            AirbyteState(kind: AirbyteState.Kind(rawValue: row.text("state_type")) ?? .stream, stream: row.text("stream"),
                         namespace: row.optionalText("namespace"), json: row.text("state_json"))
        }
    }

    /// The state file for `airbyte read --state`: a JSON array of the state messages for per-stream and global state, the
    /// legacy `data` object itself for a legacy state; `nil` when nothing was saved.
    public func stateFile() async throws -> String? {
        let saved = try await states()
        guard !saved.isEmpty else { return nil }
        if let legacy = saved.first(where: { $0.kind == .legacy }) {
            let scanner = JSONScanner(Array(legacy.json.utf8))
            guard let data = try? scanner.value(at: ["data"]) else { return legacy.json }
            return scanner.text(data)
        }
        return "[" + saved.map(\.json).joined(separator: ",") + "]"
    }
}
