/// The scheduler's ledger of runs and the stream leases that keep two services apart (filled in by the scheduler work).
enum CreateScheduleTables {
    static let migration = Migration(id: 29, name: "create_schedule_tables", tables: [])
}
