/// Why a change to the users could not be made; one line naming the user.
public struct UserAccountError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }

    static func unknown(_ name: String) -> Self { Self("user '\(name)' does not exist") }
}
