import Foundation
import Warehouse

/// One mart: its table and its SQL (`Models/<table>.sql`, the same text on SQLite and PostgreSQL), rebuilt for a
/// range of business dates by deleting the range and running the model's `insert … select`.
public struct MartModel: Sendable {
    public let table: String
    public let sql: String

    /// The marts, in build order.
    public static func all() throws -> [MartModel] {
        try ["mart_daily_performance", "mart_shop_performance", "mart_ads_channel_performance", "mart_campaign_performance"]
            .map(load)
    }

    static func load(_ table: String) throws -> MartModel {
        guard let url = Bundle.module.url(forResource: table, withExtension: "sql", subdirectory: "Models") else {
            throw StagingError(table: table, key: "Models/\(table).sql", reason: "the model's SQL file is missing from the bundle")
        }
        return MartModel(table: table, sql: try String(contentsOf: url, encoding: .utf8))
    }

    /// The statements that rebuild `range`, for one transaction.
    func rebuild(from: String, to: String, lookbackFrom: String, minorPerMajor: Double, builtAt: String) -> [WriteOperation] {
        [
            .execute(SQLStatement("DELETE FROM \(SQLDialect.quote(table)) WHERE date BETWEEN :from AND :to",
                                  ["from": .text(from), "to": .text(to)])),
            .execute(SQLStatement(sql, [
                "from": .text(from), "to": .text(to), "lookback_from": .text(lookbackFrom),
                "minor_per_major": .real(minorPerMajor), "built_at": .text(builtAt),
            ])),
        ]
    }
}
