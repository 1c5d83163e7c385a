import Foundation
import OmnidashCore

/// How to start a Sandbox: which world, where to listen, and which faults to inject.
public struct SandboxOptions: Sendable {
    /// The world's seed (default 42).
    public var seed: UInt64
    /// The world holds the complete business days strictly before this date; its "now" is `asOf` 00:00.
    public var asOf: BusinessDate
    /// The calendar whose zone defines business days (default `.bangkok`).
    public var calendar: BusinessCalendar
    /// Listening host (default `127.0.0.1`).
    public var host: String
    /// Listening port; 0 picks a free port.
    public var port: Int
    public var faults: SandboxFaults
    /// The server's wall clock, used for request timestamps and token lifetimes (not for the world, which is frozen
    /// at `asOf`). Tests replace it to check the 5-minute timestamp window and token expiry.
    public var clock: @Sendable () -> Date = { Date() }

    public init(
        seed: UInt64 = 42, asOf: BusinessDate, calendar: BusinessCalendar = .bangkok, host: String = "127.0.0.1",
        port: Int = 0, faults: SandboxFaults = .none
    ) {
        self.seed = seed
        self.asOf = asOf
        self.calendar = calendar
        self.host = host
        self.port = port
        self.faults = faults
    }
}
