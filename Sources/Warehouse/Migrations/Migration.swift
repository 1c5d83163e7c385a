import OmnidashCore
/// One numbered, append-only change to the warehouse schema or its data.
///
/// A migration is applied once, in its own transaction, and recorded in `schema_migrations`. Never edit a
/// migration that has shipped; add a new one.
public struct Migration: Sendable {
    public let id: Int
    public let name: String
    /// The statements to run, spelled for the engine.
    public let operations: @Sendable (SQLDialect) -> [WriteOperation]
    /// The tables this migration creates, so the warehouse can tell its own tables from anyone else's.
    public let tables: [TableSchema]

    public init(id: Int, name: String, creates tables: [TableSchema] = [],
                operations: @escaping @Sendable (SQLDialect) -> [WriteOperation]) {
        self.id = id
        self.name = name
        self.tables = tables
        self.operations = operations
    }

    /// Creates `tables` (with their indexes).
    public init(id: Int, name: String, tables: [TableSchema]) {
        self.init(id: id, name: name, creates: tables) { dialect in
            tables.flatMap { $0.createStatements(dialect) }.map(WriteOperation.execute)
        }
    }

    /// Every migration, in the order it is applied.
    /// The business dates the `dim_date` calendar holds; the marts' period comparisons join it, so no figure exists
    /// outside it.
    public static let calendarDates = FillDateDimension.first...FillDateDimension.last

    public static let all: [Migration] = [
        CreateRawTables.migration,
        CreateStagingTables.migration,
        CreateMartTables.migration,
        CreateOperationalTables.migration,
        FillDateDimension.migration,
        CreateLazadaTables.migration,
        CreateStagedLoads.migration,
        CreateTikTokShopTables.migration,
        CreateSKUMasterTables.migration,
        RecreateProductPerformance.migration,
        CreateSettlementTables.migration,
        CreateShopeeSettlementTables.migration,
        CreateLazadaSettlementTables.migration,
        CreateTikTokShopSettlementTables.migration,
        CreateAdEntityTables.migration,
        CreateGoogleAdsTables.migration,
        CreateTikTokAdsTables.migration,
        CreateLineAdsTables.migration,
        CreateShopeeAdsTables.migration,
        CreateLazadaAdsTables.migration,
        CreateFacebookAdsEntityTables.migration,
        CreateGA4DataAPITables.migration,
        CreateGA4EventTables.migration,
        CreateWebsiteTables.migration,
        CreateAirbyteStateTable.migration,
        AddAdLandingURLs.migration,
        CreateAlertTables.migration,
        CreateUserTables.migration,
        CreateScheduleTables.migration,
        CreateAlertDeliveryTables.migration,
        AddTokenAuthorizationExpiry.migration,
    ]

    /// The migrations' own ledger, which every warehouse has besides the tables the migrations create.
    public static let ledgerTable = "schema_migrations"

    /// Every table the migrations create, once each, in creation order; a table a later migration created again is
    /// declared as that migration created it.
    public static var declaredTables: [TableSchema] {
        let tables = all.flatMap(\.tables)
        let latest = Dictionary(tables.map { ($0.name, $0) }, uniquingKeysWith: { _, later in later })
        var seen = Set<String>()
        return tables.compactMap { seen.insert($0.name).inserted ? latest[$0.name] : nil }
    }
}
