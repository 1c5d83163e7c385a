import Foundation

/// Slows down and then locks repeated wrong passwords, per user name and per client address.
///
/// A name's first failures each make the next attempt wait longer (1, 2, 4, 8 seconds); the fifth locks the name
/// for 15 minutes. An address may be shared by many people (an office behind one router), so it locks only after
/// 20 failures. Unknown names are counted exactly like known ones, so a lock tells nobody whether a name exists.
/// The counts live in this process: a restart forgets them, which costs an attacker a restart they cannot cause.
public actor SignInThrottle {
    public struct Policy: Sendable {
        public var failuresBeforeLock: Int
        public var addressFailuresBeforeLock: Int
        public var lockDuration: TimeInterval
        /// The wait after the first failure; each further failure doubles it.
        public var firstDelay: TimeInterval

        public init(failuresBeforeLock: Int = 5, addressFailuresBeforeLock: Int = 20, lockDuration: TimeInterval = 15 * 60,
                    firstDelay: TimeInterval = 1) {
            self.failuresBeforeLock = failuresBeforeLock
            self.addressFailuresBeforeLock = addressFailuresBeforeLock
            self.lockDuration = lockDuration
            self.firstDelay = firstDelay
        }
    }

    private struct Record {
        var failures: Int
        var lastFailure: Date
        var blockedUntil: Date
    }

    public let policy: Policy
    private var records: [String: Record] = [:]

    public init(policy: Policy = .init()) {
        self.policy = policy
    }

    /// When the next attempt for `name` from `address` may be made, or `nil` when it may be made now.
    func blockedUntil(name: String, address: String?, now: Date) -> Date? {
        let until = Self.keys(name: name, address: address).compactMap { records[$0]?.blockedUntil }.max()
        guard let until, until > now else { return nil }
        return until
    }

    func recordFailure(name: String, address: String?, now: Date) {
        prune(now: now)
        for key in Self.keys(name: name, address: address) {
            var record = records[key] ?? Record(failures: 0, lastFailure: now, blockedUntil: now)
            // A quiet spell as long as a lock starts the count again.
            if now.timeIntervalSince(record.lastFailure) > policy.lockDuration { record.failures = 0 }
            record.failures += 1
            record.lastFailure = now
            let limit = key.hasPrefix("address:") ? policy.addressFailuresBeforeLock : policy.failuresBeforeLock
            if record.failures >= limit {
                record.blockedUntil = now.addingTimeInterval(policy.lockDuration)
            } else if !key.hasPrefix("address:") {
                record.blockedUntil = now.addingTimeInterval(policy.firstDelay * pow(2, Double(record.failures - 1)))
            }
            records[key] = record
        }
    }

    func recordSuccess(name: String) {
        records[Self.keys(name: name, address: nil)[0]] = nil
    }

    private static func keys(name: String, address: String?) -> [String] {
        ["name:" + name.lowercased()] + (address.map { ["address:" + $0] } ?? [])
    }

    /// Forgets records whose lock and count have both run out, so a stream of made-up names cannot fill memory.
    private func prune(now: Date) {
        guard records.count > 10_000 else { return }
        records = records.filter { now.timeIntervalSince($0.value.lastFailure) <= policy.lockDuration }
    }
}
