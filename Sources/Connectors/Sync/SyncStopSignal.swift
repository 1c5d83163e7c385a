import Foundation

/// Asks a running sync to stop after the pages it is writing (a service told to shut down). Once fired it stays fired.
public final class SyncStopSignal: @unchecked Sendable {
    // A lock rather than an actor: streams ask after every page, synchronously.
    private let lock = NSLock()
    private var fired = false

    public init() {}

    public func fire() {
        lock.withLock { fired = true }
    }

    public var isFired: Bool {
        lock.withLock { fired }
    }
}
