/// One person who may sign in, as `omnidash user list` shows them.
public struct UserAccount: Sendable, Equatable {
    public var name: String
    public var role: UserRole
    /// When the user was added (UTC, the warehouse's timestamp text).
    public var createdAt: String

    public init(name: String, role: UserRole, createdAt: String) {
        self.name = name
        self.role = role
        self.createdAt = createdAt
    }
}
