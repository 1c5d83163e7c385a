import Foundation
import Warehouse

/// Writes `alert_deliveries`: one row per alert, channel and target each time the alert was delivered or given up on.
struct DeliveryLog: Sendable {
    let warehouse: any Warehouse

    struct Entry: Sendable {
        var alertID: String
        var raisedCount: Int
        var channel: String
        var target: String
        var attemptedAt: Date
        var finishedAt: Date
        var attempts: Int
        var delivered: Bool
        var error: String?
        var responseCode: Int?
    }

    func record(_ entries: [Entry]) async throws {
        guard !entries.isEmpty else { return }
        let schema = AlertDeliveriesTable.schema
        let rows = entries.map { entry in
            var row = schema.row()
            row["delivery_id"] = .text(UUID().uuidString.lowercased())
            row["alert_id"] = .text(entry.alertID)
            row["raised_count"] = .integer(Int64(entry.raisedCount))
            row["channel"] = .text(entry.channel)
            row["target"] = .text(entry.target)
            row["attempted_at"] = .text(Timestamp.string(entry.attemptedAt))
            row["finished_at"] = .text(Timestamp.string(entry.finishedAt))
            row["attempts"] = .integer(Int64(entry.attempts))
            row["status"] = .text(entry.delivered ? "delivered" : "failed")
            row["error"] = SQLValue(entry.error)
            row["response_code"] = SQLValue(entry.responseCode.map(Int64.init))
            return row
        }
        try await warehouse.write([.insert(RowSet(schema, rows: rows))])
    }
}
