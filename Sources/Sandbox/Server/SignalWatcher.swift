import Foundation

/// Calls a handler when the process receives SIGINT or SIGTERM, for `SandboxServer.waitUntilStopped()`.
final class SignalWatcher: @unchecked Sendable {
    // Only touched in init and cancel(), which the owner calls once.
    private var sources: [any DispatchSourceSignal] = []
    private let signals: [Int32]

    init(signals: [Int32] = [SIGINT, SIGTERM], handler: @escaping @Sendable () -> Void) {
        self.signals = signals
        for number in signals {
            // The default action would kill the process before the graceful stop could run.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            sources.append(source)
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        sources = []
        for number in signals { signal(number, SIG_DFL) }
    }
}
