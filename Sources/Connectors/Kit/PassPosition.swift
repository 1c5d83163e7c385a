import OmnidashCore
import Warehouse

/// A point a windowed pass moves along: an instant in unix seconds, or a business date.
public protocol PassPosition: Codable, Comparable, Sendable {
    /// `steps` later: seconds for an instant, days for a business date.
    func advanced(by steps: Int64) -> Self
    /// How the position reads in progress lines and in `sync_runs`.
    var label: String { get }
}

extension Int64: PassPosition {
    public func advanced(by steps: Int64) -> Int64 { self + steps }
    public var label: String { Timestamp.string(unixSeconds: self) }
}

extension BusinessDate: PassPosition {
    public func advanced(by steps: Int64) -> BusinessDate { adding(days: Int(steps)) }
    public var label: String { description }
}
