import Foundation

/// Where "now" comes from: the system clock in the product, a pinned instant in tests. Libraries take one from their
/// caller instead of reading the system clock themselves.
public struct WallClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    public var now: Date { read() }

    public static let system = WallClock { Date() }

    /// Always `date`.
    public static func fixed(_ date: Date) -> WallClock { WallClock { date } }
}
