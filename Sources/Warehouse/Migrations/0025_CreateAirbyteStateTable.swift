/// Where `omnidash import airbyte` keeps each source's last `STATE` message (filled by the Airbyte import).
enum CreateAirbyteStateTable {
    static let migration = Migration(id: 25, name: "create_airbyte_state_table", tables: [AirbyteStateTable.schema])
}
