import Foundation
import Warehouse

/// Leases on streams in `stream_leases`, so that two services syncing into one warehouse never sync the same stream
/// at once. A lease is taken atomically (an upsert that succeeds only over an expired lease or one's own), renewed
/// while the stream runs and released after; a holder that dies stops renewing, and its leases expire.
///
/// Lease times are the machine's real time, not the scheduler's simulated clock: they measure whether a holder is
/// alive. (`now` is replaceable only so a test can let a lease expire without waiting for it.)
public struct StreamLeases: Sendable {
    public let warehouse: any Warehouse
    /// Unique per process: a restarted service does not take over its dead predecessor's leases before they expire.
    public let holder: String
    public let duration: Duration
    private let now: @Sendable () -> Date

    public init(warehouse: any Warehouse, holder: String = "\(ProcessInfo.processInfo.hostName):\(getpid()):\(UUID().uuidString.prefix(8))",
                duration: Duration = .seconds(60), now: @escaping @Sendable () -> Date = Date.init) {
        self.warehouse = warehouse
        self.holder = holder
        self.duration = duration
        self.now = now
    }

    public struct Key: Sendable, Hashable {
        public var source: String
        public var accountID: String
        public var stream: String

        public init(source: String, accountID: String, stream: String) {
            self.source = source
            self.accountID = accountID
            self.stream = stream
        }
    }

    /// Takes (or extends) the lease on `key`; `nil` when another live holder has it, else the id of this lease in
    /// `stream_lease_log`.
    public func acquire(_ key: Key) async throws -> String? {
        guard try await upsert(key) else { return nil }
        let leaseID = UUID().uuidString.lowercased()
        try await warehouse.write([.insert(RowSet(
            table: "stream_lease_log", columns: ["lease_id", "source", "account_id", "stream", "holder", "acquired_us"],
            rows: [[.text(leaseID), .text(key.source), .text(key.accountID), .text(key.stream), .text(holder), .integer(Self.microseconds())]]))])
        return leaseID
    }

    /// Pushes the lease's expiry on; `false` when it was lost (it expired and another holder took it).
    public func renew(_ key: Key) async throws -> Bool {
        try await upsert(key)
    }

    /// Gives the lease up, so another holder may take it at once.
    public func release(_ key: Key, leaseID: String) async throws {
        try await warehouse.write([
            .execute(SQLStatement("""
                DELETE FROM stream_leases WHERE source = :source AND account_id = :account AND stream = :stream AND holder = :holder
                """, parameters(key))),
            .execute(SQLStatement("UPDATE stream_lease_log SET released_us = :released WHERE lease_id = :lease",
                                  ["released": .integer(Self.microseconds()), "lease": .text(leaseID)])),
        ])
    }

    /// The streams whose leases are held and unexpired now (by anyone).
    public func live() async throws -> Set<Key> {
        let rows = try await warehouse.query(SQLStatement(
            "SELECT source, account_id, stream FROM stream_leases WHERE expires_at > :now", ["now": .text(Timestamp.string(now()))]))
        return Set(rows.map { Key(source: $0.text("source"), accountID: $0.text("account_id"), stream: $0.text("stream")) })
    }

    /// Inserts the lease, or takes over a row that expired or is already ours; then reads back who holds it.
    private func upsert(_ key: Key) async throws -> Bool {
        var values = parameters(key)
        let now = self.now()
        values["now"] = .text(Timestamp.string(now))
        values["expires"] = .text(Timestamp.string(now.addingTimeInterval(Double(duration.components.seconds))))
        try await warehouse.execute(SQLStatement("""
            INSERT INTO stream_leases (source, account_id, stream, holder, acquired_at, expires_at)
            VALUES (:source, :account, :stream, :holder, :now, :expires)
            ON CONFLICT (source, account_id, stream) DO UPDATE
            SET holder = excluded.holder, acquired_at = CASE WHEN stream_leases.holder = excluded.holder
                    THEN stream_leases.acquired_at ELSE excluded.acquired_at END,
                expires_at = excluded.expires_at
            WHERE stream_leases.holder = excluded.holder OR stream_leases.expires_at <= :now
            """, values))
        let holder = try await warehouse.scalar(SQLStatement(
            "SELECT holder FROM stream_leases WHERE source = :source AND account_id = :account AND stream = :stream", parameters(key)))
        return holder == .text(self.holder)
    }

    private func parameters(_ key: Key) -> [String: SQLValue] {
        ["source": .text(key.source), "account": .text(key.accountID), "stream": .text(key.stream), "holder": .text(holder)]
    }

    static func microseconds() -> Int64 { Int64((Date().timeIntervalSince1970 * 1_000_000).rounded()) }
}
