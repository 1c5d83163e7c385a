/// Users, their roles and their sign-in sessions (filled in by the sign-in work).
enum CreateUserTables {
    static let migration = Migration(id: 28, name: "create_user_tables", tables: [])
}
