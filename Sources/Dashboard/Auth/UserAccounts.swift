import Foundation
import HummingbirdBcrypt
import NIOPosix
import Warehouse

/// The users and their sessions, kept in the warehouse (`users`, `user_sessions`) so every process serving one
/// warehouse signs in the same people. Passwords are bcrypt hashes; a session is stored as a SHA-256 of its token.
public struct UserAccounts: Sendable {
    /// bcrypt's cost in production: about a quarter of a second per check, slow for anyone guessing.
    public static let productionPasswordCost: UInt8 = 12
    /// The shortest password `add` and `setPassword` accept.
    public static let minimumPasswordLength = 8

    public let warehouse: any Warehouse
    /// bcrypt's log2 rounds for new hashes; tests pass 4 (the least bcrypt allows) to stay fast.
    public let passwordCost: UInt8
    /// How long a session lasts without use; each use moves its end this far ahead again.
    public let sessionIdleLifetime: TimeInterval
    public let throttle: SignInThrottle

    public init(warehouse: any Warehouse, passwordCost: UInt8 = productionPasswordCost,
                sessionIdleLifetime: TimeInterval = 12 * 60 * 60, throttle: SignInThrottle = SignInThrottle()) {
        precondition((4...31).contains(passwordCost), "bcrypt's cost is 4…31, not \(passwordCost)")
        self.warehouse = warehouse
        self.passwordCost = passwordCost
        self.sessionIdleLifetime = sessionIdleLifetime
        self.throttle = throttle
    }

    // MARK: Users

    public func list() async throws -> [UserAccount] {
        try await warehouse.query("SELECT user_name, role, created_at FROM users ORDER BY user_name").compactMap { row in
            guard let name = row["user_name"].string, let role = row["role"].string.flatMap(UserRole.init(rawValue:)) else {
                return nil
            }
            return UserAccount(name: name, role: role, createdAt: row["created_at"].string ?? "")
        }
    }

    public func count() async throws -> Int {
        Int(try await warehouse.scalar("SELECT COUNT(*) FROM users").int64 ?? 0)
    }

    /// - Throws: `UserAccountError` for a name taken or not allowed, or a password too short.
    public func add(name: String, role: UserRole, password: String, now: Date = Date()) async throws {
        try Self.validate(name: name)
        try Self.validate(password: password)
        guard try await find(name) == nil else { throw UserAccountError("user '\(name)' already exists") }
        try await insert(name: name, role: role, password: password, now: now)
    }

    /// Adds the user, or gives an existing one this role and password and ends their sessions: the demo's reset.
    public func replace(name: String, role: UserRole, password: String, now: Date = Date()) async throws {
        try Self.validate(name: name)
        try Self.validate(password: password)
        let hash = try await Self.hash(password, cost: passwordCost)
        let time = SQLValue.text(Timestamp.string(now))
        try await warehouse.write([
            .execute(SQLStatement("DELETE FROM user_sessions WHERE user_name = :name", ["name": .text(name)])),
            .execute(SQLStatement("DELETE FROM users WHERE user_name = :name", ["name": .text(name)])),
            .execute(SQLStatement("""
                INSERT INTO users (user_name, role, password_hash, created_at, updated_at)
                VALUES (:name, :role, :hash, :now, :now)
                """, ["name": .text(name), "role": .text(role.rawValue), "hash": .text(hash), "now": time])),
        ])
    }

    /// Sets a new password and ends every session the user has, so a stolen cookie stops working too.
    public func setPassword(name: String, password: String, now: Date = Date()) async throws {
        try Self.validate(password: password)
        guard try await find(name) != nil else { throw UserAccountError.unknown(name) }
        let hash = try await Self.hash(password, cost: passwordCost)
        try await warehouse.write([
            .execute(SQLStatement("UPDATE users SET password_hash = :hash, updated_at = :now WHERE user_name = :name",
                                  ["hash": .text(hash), "now": .text(Timestamp.string(now)), "name": .text(name)])),
            .execute(SQLStatement("DELETE FROM user_sessions WHERE user_name = :name", ["name": .text(name)])),
        ])
    }

    /// Removes the user and their sessions.
    public func remove(name: String) async throws {
        guard try await find(name) != nil else { throw UserAccountError.unknown(name) }
        try await warehouse.write([
            .execute(SQLStatement("DELETE FROM user_sessions WHERE user_name = :name", ["name": .text(name)])),
            .execute(SQLStatement("DELETE FROM users WHERE user_name = :name", ["name": .text(name)])),
        ])
    }

    // MARK: Sessions

    /// Checks the password (unless the name or address is throttled) and starts a session when it is right.
    ///
    /// - Parameter address: the client's address, for the per-address count; `nil` when unknown.
    public func signIn(name: String, password: String, address: String?, now: Date) async throws -> SignInOutcome {
        if let until = await throttle.blockedUntil(name: name, address: address, now: now) { return .throttled(until: until) }
        let stored = try await find(name)
        // An unknown name is checked against a throwaway hash, so it takes as long to refuse as a wrong password.
        let hash = stored?.passwordHash ?? Self.decoyHash
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
        guard let stored, matches else {
            await throttle.recordFailure(name: name, address: address, now: now)
            return .refused
        }
        await throttle.recordSuccess(name: name)
        return .signedIn(try await startSession(name: stored.name, role: stored.role, now: now))
    }

    /// Starts a session for a user without a password check: for `signIn` and for tests.
    public func startSession(name: String, role: UserRole, now: Date) async throws -> NewSession {
        let token = SecretToken.make()
        let csrf = SecretToken.make()
        let time = SQLValue.text(Timestamp.string(now))
        try await warehouse.execute(SQLStatement("""
            INSERT INTO user_sessions (token_hash, user_name, csrf_token, created_at, expires_at, last_seen_at)
            VALUES (:hash, :name, :csrf, :now, :expires, :now)
            """, ["hash": .text(SecretToken.hash(token)), "name": .text(name), "csrf": .text(csrf), "now": time,
                  "expires": .text(Timestamp.string(now.addingTimeInterval(sessionIdleLifetime)))]))
        return NewSession(token: token, user: SignedInUser(name: name, role: role, csrfToken: csrf))
    }

    /// The user a session token signs in, or `nil` when the token is unknown, expired or its user was removed.
    /// A use moves the session's end ahead, at most once a minute so that reading pages does not mean writing rows.
    public func session(token: String, now: Date) async throws -> SignedInUser? {
        let hash = SecretToken.hash(token)
        let rows = try await warehouse.query(SQLStatement("""
            SELECT s.user_name, s.csrf_token, s.last_seen_at, u.role FROM user_sessions s
            JOIN users u ON u.user_name = s.user_name
            WHERE s.token_hash = :hash AND s.expires_at > :now
            """, ["hash": .text(hash), "now": .text(Timestamp.string(now))]))
        guard let row = rows.first, let name = row["user_name"].string, let csrf = row["csrf_token"].string,
              let role = row["role"].string.flatMap(UserRole.init(rawValue:)) else { return nil }
        let lastSeen = row["last_seen_at"].string.flatMap(Timestamp.unixSeconds) ?? 0
        if Int64(now.timeIntervalSince1970) - lastSeen >= 60 {
            try await warehouse.execute(SQLStatement(
                "UPDATE user_sessions SET last_seen_at = :now, expires_at = :expires WHERE token_hash = :hash",
                ["now": .text(Timestamp.string(now)), "hash": .text(hash),
                 "expires": .text(Timestamp.string(now.addingTimeInterval(sessionIdleLifetime)))]))
        }
        return SignedInUser(name: name, role: role, csrfToken: csrf)
    }

    /// Ends the session; an unknown token is already ended.
    public func endSession(token: String) async throws {
        try await warehouse.execute(SQLStatement("DELETE FROM user_sessions WHERE token_hash = :hash",
                                                 ["hash": .text(SecretToken.hash(token))]))
    }

    // MARK: Helpers

    private struct StoredUser {
        var name: String
        var role: UserRole
        var passwordHash: String
    }

    private func find(_ name: String) async throws -> StoredUser? {
        let rows = try await warehouse.query(SQLStatement("SELECT user_name, role, password_hash FROM users WHERE user_name = :name",
                                                          ["name": .text(name)]))
        guard let row = rows.first, let stored = row["user_name"].string, let hash = row["password_hash"].string,
              let role = row["role"].string.flatMap(UserRole.init(rawValue:)) else { return nil }
        return StoredUser(name: stored, role: role, passwordHash: hash)
    }

    private func insert(name: String, role: UserRole, password: String, now: Date) async throws {
        let hash = try await Self.hash(password, cost: passwordCost)
        let time = SQLValue.text(Timestamp.string(now))
        try await warehouse.execute(SQLStatement("""
            INSERT INTO users (user_name, role, password_hash, created_at, updated_at) VALUES (:name, :role, :hash, :now, :now)
            """, ["name": .text(name), "role": .text(role.rawValue), "hash": .text(hash), "now": time]))
    }

    /// bcrypt is slow on purpose; it runs on NIO's thread pool so it does not hold up the tasks serving pages.
    private static func hash(_ password: String, cost: UInt8) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// A hash of nothing anyone knows, at the production cost, made once.
    private static let decoyHash = Bcrypt.hash(SecretToken.make(), cost: productionPasswordCost)

    /// Letters, digits and `.`, `_`, `-`, `@`, up to 64: a name that is safe in a log line and a URL.
    static func validate(name: String) throws {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-@"))
        guard !name.isEmpty, name.count <= 64, name.unicodeScalars.allSatisfy(allowed.contains) else {
            throw UserAccountError("user name '\(name)' must be 1–64 letters, digits, '.', '_', '-' or '@'")
        }
    }

    static func validate(password: String) throws {
        guard password.count >= minimumPasswordLength else {
            throw UserAccountError("the password must have at least \(minimumPasswordLength) characters")
        }
        // bcrypt reads at most 72 bytes; a longer password would silently match any that shares its start.
        guard password.utf8.count <= 72 else { throw UserAccountError("the password must be at most 72 bytes") }
    }
}

extension UserAccounts {
    /// A fresh password of 20 letters and digits (about 119 bits), for the demo's user.
    public static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
