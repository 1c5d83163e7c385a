/// Thrown by a stream that stopped because its sync was asked to (`SyncStopSignal`); its pages so far are saved.
public struct SyncStopped: Error, CustomStringConvertible {
    public init() {}

    public var description: String { "stopped after its last saved page: the service is shutting down" }
}
