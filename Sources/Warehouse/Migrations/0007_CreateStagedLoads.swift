/// `transform_staged_loads`: the raw pages whose staged rows were written with them (an import stages each page in
/// its own transaction), so the next transform does not read those pages again.
enum CreateStagedLoads {
    static let stagedLoads = TableSchema("transform_staged_loads", primaryKey: ["raw_table", "loaded_at_us"], columns: [
        .init("raw_table", .text, nullable: false),
        .init("loaded_at_us", .integer, nullable: false),
    ])

    static let migration = Migration(id: 7, name: "create_staged_loads", tables: [stagedLoads])
}
