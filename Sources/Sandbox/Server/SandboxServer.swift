import Foundation
import Hummingbird
import Logging

/// A running Sandbox: every emulator, at the platforms' real paths, on one loopback host.
///
/// ```swift
/// let server = try await SandboxServer.start(SandboxOptions(asOf: today), logger: logger)
/// let credentials = server.credentials          // point the connectors here
/// …
/// await server.stop()
/// ```
public final class SandboxServer: Sendable {
    /// E.g. `http://127.0.0.1:53211`.
    public let baseURL: String
    public let credentials: SandboxCredentials
    public let world: SandboxWorld
    public let options: SandboxOptions

    private let runTask: Task<Void, any Error>
    private let inFlight: InFlightRequests
    private let stopping = Locked(false)
    /// The SMTP server that receives alert e-mails, beside the HTTP server.
    private let smtpServer: SandboxSMTPServer
    /// What the notification endpoints received, as `/_sandbox/outbox` shows it.
    let outbox: NotificationOutbox

    private init(baseURL: String, credentials: SandboxCredentials, world: SandboxWorld, options: SandboxOptions,
                 runTask: Task<Void, any Error>, inFlight: InFlightRequests, smtpServer: SandboxSMTPServer,
                 outbox: NotificationOutbox)
    {
        self.baseURL = baseURL
        self.credentials = credentials
        self.world = world
        self.options = options
        self.runTask = runTask
        self.inFlight = inFlight
        self.smtpServer = smtpServer
        self.outbox = outbox
    }

    /// Builds the world and starts serving; returns once the server listens.
    ///
    /// - Throws: the bind error when the host or port cannot be used.
    public static func start(_ options: SandboxOptions, logger: Logger) async throws -> SandboxServer {
        let world = SandboxWorld(seed: options.seed, asOf: options.asOf, calendar: options.calendar)
        let serverURL = Locked("")
        let credentialsBox = Locked<SandboxCredentials?>(nil)
        let context = EmulatorContext(world: world, faults: FaultInjector(faults: options.faults), clock: options.clock,
                                      seed: options.seed, serverURL: serverURL)
        let emulators = EmulatorRegistry.emulators.map { $0.init(context) }
        let control = SandboxControlEndpoints(world: world, faults: options.faults, credentials: credentialsBox)
        let inFlight = InFlightRequests()
        let notifications = NotificationEndpoints(seed: options.seed, clock: options.clock)
        let responder = SandboxResponder(emulators: emulators, control: control, notifications: notifications, inFlight: inFlight)

        // Stopping cancels the server once requests in flight are done; Hummingbird then logs an expected
        // "Waiting on child channel: CancellationError()" at error level. Its logger stays quiet unless the caller
        // asked for debug output (the Sandbox logs what matters itself).
        var frameworkLogger = logger
        if logger.logLevel > .debug { frameworkLogger.logLevel = .critical }
        let listening = ListeningSignal()
        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(
                address: .hostname(options.host, port: options.port), serverName: "omnidash-sandbox"),
            onServerRunning: { channel in
                listening.finish(.success(channel.localAddress?.port ?? options.port))
            },
            logger: frameworkLogger
        )
        let runTask = Task {
            do {
                try await application.run()
                listening.finish(.failure(SandboxServerError.stoppedBeforeListening))
            } catch {
                listening.finish(.failure(error))
                throw error
            }
        }
        let port = try await listening.wait()
        let smtpHost = ["0.0.0.0", "::", ""].contains(options.host) ? "127.0.0.1" : options.host
        let smtpServer: SandboxSMTPServer
        do {
            smtpServer = try await SandboxSMTPServer.start(host: smtpHost, secrets: notifications.secrets,
                                                           outbox: notifications.outbox)
        } catch {
            runTask.cancel()
            throw error
        }

        let urlHost = ["0.0.0.0", "::", ""].contains(options.host) ? "127.0.0.1"
            : options.host.contains(":") ? "[\(options.host)]" : options.host
        let baseURL = "http://\(urlHost):\(port)"
        serverURL.withLock { $0 = baseURL }
        let credentials = SandboxCredentials(emulators.map { $0.credentials(serverURL: baseURL) },
                                             fx: .init(url: baseURL + "/_sandbox/fx"),
                                             notifications: notifications.credentials(serverURL: baseURL, smtpHost: smtpServer.host,
                                                                                       smtpPort: smtpServer.port))
        credentialsBox.withLock { $0 = credentials }
        logger.info("Sandbox listening", metadata: [
            "url": "\(baseURL)", "seed": "\(options.seed)", "as_of": "\(options.asOf)", "faults": "\(options.faults)",
        ])
        return SandboxServer(baseURL: baseURL, credentials: credentials, world: world, options: options,
                             runTask: runTask, inFlight: inFlight, smtpServer: smtpServer, outbox: notifications.outbox)
    }

    /// Stops gracefully: lets requests in flight finish (up to 5 seconds), then closes the server. Safe to call
    /// more than once.
    public func stop() async {
        let first = stopping.withLock { stopping in
            defer { stopping = true }
            return !stopping
        }
        if first {
            await inFlight.drain(timeout: .seconds(5))
            runTask.cancel()
            await smtpServer.stop()
        }
        _ = await runTask.result
    }

    /// Runs until the server stops: on `stop()`, or on SIGINT or SIGTERM, which trigger a graceful stop (for
    /// `omnidash sandbox`).
    ///
    /// - Throws: the error that stopped the server, if it did not stop on request.
    public func waitUntilStopped() async throws {
        let watcher = SignalWatcher { [self] in
            Task { await self.stop() }
        }
        defer { watcher.cancel() }
        if case .failure(let error) = await runTask.result, !(error is CancellationError),
           !stopping.withLock({ $0 })
        {
            throw error
        }
    }
}

/// Why a Sandbox could not start.
public enum SandboxServerError: Error, CustomStringConvertible {
    case stoppedBeforeListening

    public var description: String {
        switch self {
        case .stoppedBeforeListening: "the Sandbox server stopped before it was listening"
        }
    }
}

/// Hands the listening port (or the failure to listen) from the server task to `start`.
private final class ListeningSignal: Sendable {
    private let state = Locked<(waiter: CheckedContinuation<Int, any Error>?, result: Result<Int, any Error>?)>((nil, nil))

    func wait() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let ready = state.withLock { state -> Result<Int, any Error>? in
                if let result = state.result { return result }
                state.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }

    /// Records the outcome; only the first one counts.
    func finish(_ result: Result<Int, any Error>) {
        let waiter = state.withLock { state -> CheckedContinuation<Int, any Error>? in
            guard state.result == nil else { return nil }
            state.result = result
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(with: result)
    }
}
