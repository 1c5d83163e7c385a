import Foundation
import Warehouse

/// One mart: its declared table and its model (`Models/<table>.sql`, the same text on SQLite and PostgreSQL, a plain
/// `with … select * from final`). The runner owns the insert: it rebuilds a range of business dates by deleting the
/// range and inserting the table's declared columns, by name, from the model's select, so a column list lives only
/// in the table's declaration and the model's final select.
public struct MartModel: Sendable {
    public let table: TableSchema
    public let sql: String

    /// The marts, in build order.
    public static func all() throws -> [MartModel] {
        try [MartTables.dailyPerformance, MartTables.shopPerformance, MartTables.adsChannelPerformance,
             MartTables.campaignPerformance].map(load)
    }

    static func load(_ table: TableSchema) throws -> MartModel {
        guard let url = Bundle.module.url(forResource: table.name, withExtension: "sql", subdirectory: "Models") else {
            throw StagingError(table: table.name, key: "Models/\(table.name).sql", reason: "the model's SQL file is missing from the bundle")
        }
        return MartModel(table: table, sql: try String(contentsOf: url, encoding: .utf8))
    }

    /// The statements that rebuild `range`, for one transaction.
    func rebuild(from: String, to: String, lookbackFrom: String, minorPerMajor: Double, builtAt: String) -> [WriteOperation] {
        let name = SQLDialect.quote(table.name)
        let columns = table.columnNames.map(SQLDialect.quote).joined(separator: ", ")
        return [
            .execute(SQLStatement("DELETE FROM \(name) WHERE date BETWEEN :from AND :to", ["from": .text(from), "to": .text(to)])),
            .execute(SQLStatement("INSERT INTO \(name) (\(columns))\nSELECT \(columns) FROM (\n\(sql)\n) AS model", [
                "from": .text(from), "to": .text(to), "lookback_from": .text(lookbackFrom),
                "minor_per_major": .real(minorPerMajor), "built_at": .text(builtAt),
            ])),
        ]
    }
}
