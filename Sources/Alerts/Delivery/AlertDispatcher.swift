import AsyncHTTPClient
import Foundation
import Logging
import Metrics
import NIOCore
import NIOSSL
import OmnidashCore
import Warehouse

/// Sends raised alerts to every configured channel (LINE, Slack, e-mail) in the configured language, tries again with
/// back-off when a service is busy or down (never when it refused the request), and records each delivery in
/// `alert_deliveries` and in the `omnidash_alerts_delivered_total` / `omnidash_alerts_delivery_failures_total` counters.
public struct AlertDispatcher: Sendable {
    /// What happened to one alert on one channel and target.
    public struct Outcome: Sendable, Equatable {
        public var alertID: String
        public var channel: String
        public var delivered: Bool
        public var attempts: Int
        public var error: String?
        /// The recipient as the delivery log shows it (a LINE id, the webhook's host, the e-mail addresses).
        public var target: String
        /// The last HTTP status or SMTP reply code.
        public var responseCode: Int?

        public init(alertID: String, channel: String, delivered: Bool, attempts: Int, error: String? = nil,
                    target: String = "", responseCode: Int? = nil) {
            self.alertID = alertID
            self.channel = channel
            self.delivered = delivered
            self.attempts = attempts
            self.error = error
            self.target = target
            self.responseCode = responseCode
        }
    }

    private let channels: [any AlertChannel]
    private let texts: AlertMessageTexts
    private let linkBaseURL: String
    private let log: DeliveryLog?
    private let retry: DeliveryRetryPolicy
    private let logger: Logger
    private let metricsFactory: (any MetricsFactory)?
    private let sleep: @Sendable (Duration) async -> Void

    /// A dispatcher with no channel: it delivers nothing.
    public init() {
        self.init(channels: [], texts: AlertMessageTexts(.th), linkBaseURL: "", log: nil, retry: .standard,
                  logger: Logger(label: "omnidash.alerts.delivery"))
    }

    /// - Parameters:
    ///   - settings: `notifications` from the configuration.
    ///   - linkBaseURL: the dashboard's address as readers reach it (`dashboard.baseURL`, i.e. `public_url`).
    ///   - httpClient: the process's HTTP client, for LINE and Slack.
    ///   - warehouse: where `alert_deliveries` is written; `nil` keeps no log.
    ///   - tlsConfiguration: the TLS settings after STARTTLS (the system's trust roots by default).
    ///   - clock: the `Date` header of e-mails.
    ///   - metricsFactory: where the delivery counters go; the process-wide metrics system by default.
    public init(settings: NotificationSettings, linkBaseURL: String, httpClient: HTTPClient, warehouse: (any Warehouse)?,
                retry: DeliveryRetryPolicy = .standard, tlsConfiguration: TLSConfiguration = .makeClientConfiguration(),
                requestTimeout: Duration = .seconds(20), logger: Logger = Logger(label: "omnidash.alerts.delivery"),
                metricsFactory: (any MetricsFactory)? = nil, clock: @escaping @Sendable () -> Date = { Date() }) {
        let http = HTTPDelivery(client: httpClient, timeout: .nanoseconds(Int64(requestTimeout / .nanoseconds(1))))
        var channels: [any AlertChannel] = []
        if let line = settings.line { channels.append(LinePushChannel(settings: line, http: http)) }
        if let slack = settings.slack { channels.append(SlackWebhookChannel(settings: slack, http: http)) }
        if let email = settings.email {
            var client = SMTPClient(email, tlsConfiguration: tlsConfiguration)
            client.timeout = requestTimeout
            channels.append(EmailChannel(settings: email, client: client, now: clock))
        }
        self.init(channels: channels, texts: AlertMessageTexts(settings.language), linkBaseURL: linkBaseURL,
                  log: warehouse.map(DeliveryLog.init), retry: retry, logger: logger, metricsFactory: metricsFactory)
    }

    init(channels: [any AlertChannel], texts: AlertMessageTexts, linkBaseURL: String, log: DeliveryLog?,
         retry: DeliveryRetryPolicy, logger: Logger, metricsFactory: (any MetricsFactory)? = nil,
         sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) }) {
        self.channels = channels
        self.texts = texts
        self.linkBaseURL = linkBaseURL
        self.log = log
        self.retry = retry
        self.logger = logger
        self.metricsFactory = metricsFactory
        self.sleep = sleep
    }

    /// The channels alerts go to, by name (`line`, `slack`, `email`).
    public var channelNames: [String] { channels.map(\.name) }

    /// Delivers every alert to every channel and target; never throws: what failed is in the outcomes, the log and
    /// the failure counter. Channels and targets are served side by side, the alerts of one target in order.
    public func deliver(_ alerts: [RaisedAlert], now: Date) async -> [Outcome] {
        guard !alerts.isEmpty, !channels.isEmpty else { return [] }
        let messages = alerts.map { texts.message(for: $0, linkBaseURL: linkBaseURL) }
        let dispatchStarted = Date()
        // Log times follow `now` (the caller's clock), moved on by the real time the deliveries took.
        let clock: @Sendable () -> Date = { now.addingTimeInterval(Date().timeIntervalSince(dispatchStarted)) }
        let routes = channels.flatMap { channel in channel.targets.map { (channel, $0) } }
        let entries = await withTaskGroup(of: [(Int, DeliveryLog.Entry)].self) { group in
            for (routeIndex, (channel, target)) in routes.enumerated() {
                group.addTask {
                    var entries: [(Int, DeliveryLog.Entry)] = []
                    for (alertIndex, alert) in alerts.enumerated() {
                        let entry = await deliver(messages[alertIndex], of: alert, via: channel, to: target, clock: clock)
                        entries.append((alertIndex * routes.count + routeIndex, entry))
                    }
                    return entries
                }
            }
            var all: [(Int, DeliveryLog.Entry)] = []
            for await entries in group { all += entries }
            return all.sorted { $0.0 < $1.0 }.map(\.1)
        }
        if let log {
            do {
                try await log.record(entries)
            } catch {
                logger.error("alert deliveries could not be logged", metadata: ["error": "\(error)"])
            }
        }
        return entries.map { entry in
            Outcome(alertID: entry.alertID, channel: entry.channel, delivered: entry.delivered, attempts: entry.attempts,
                    error: entry.error, target: entry.target, responseCode: entry.responseCode)
        }
    }

    /// One alert to one target, trying again while the failure is retryable and attempts remain.
    private func deliver(_ message: AlertMessage, of alert: RaisedAlert, via channel: any AlertChannel, to target: String,
                         clock: @Sendable () -> Date) async -> DeliveryLog.Entry {
        // The same key on every attempt of this delivery (LINE answers a repeat 409), different for each raise.
        let key = Self.deliveryKey(alertID: alert.id, raisedCount: alert.raisedCount, channel: channel.name, target: target)
        let started = clock()
        var attempt = 0
        var lastFailure: DeliveryFailure?
        var code: Int?
        while attempt < retry.maxAttempts {
            attempt += 1
            do {
                code = try await channel.send(message, to: target, deliveryKey: key)
                lastFailure = nil
                break
            } catch {
                lastFailure = error
                code = error.responseCode
                guard error.retryable, attempt < retry.maxAttempts else { break }
                let wait = retry.delay(afterAttempt: attempt, hint: error.retryAfter, jitter: Double.random(in: 0...1))
                logger.info("alert delivery will be retried", metadata: [
                    "channel": "\(channel.name)", "alert_id": "\(alert.id)", "attempt": "\(attempt)", "error": "\(error)",
                ])
                await sleep(wait)
            }
        }
        let dimensions = [("channel", channel.name)]
        let factory = metricsFactory ?? MetricsSystem.factory
        if let lastFailure {
            Counter(label: "omnidash_alerts_delivery_failures_total", dimensions: dimensions, factory: factory).increment()
            logger.error("alert delivery failed", metadata: [
                "channel": "\(channel.name)", "alert_id": "\(alert.id)", "attempts": "\(attempt)", "error": "\(lastFailure)",
            ])
        } else {
            Counter(label: "omnidash_alerts_delivered_total", dimensions: dimensions, factory: factory).increment()
        }
        return DeliveryLog.Entry(alertID: alert.id, raisedCount: alert.raisedCount, channel: channel.name, target: target,
                                 attemptedAt: started, finishedAt: clock(),
                                 attempts: attempt, delivered: lastFailure == nil, error: lastFailure?.message,
                                 responseCode: code)
    }

    /// A UUID-shaped key derived from what is delivered, as LINE's retry key must be a hexadecimal UUID.
    static func deliveryKey(alertID: String, raisedCount: Int, channel: String, target: String) -> String {
        let text = "\(alertID)|\(raisedCount)|\(channel)|\(target)"
        // Two FNV-1a passes with different offsets: 128 bits, stable across runs (unlike `hashValue`).
        func fnv(_ offset: UInt64) -> UInt64 {
            text.utf8.reduce(offset) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
        }
        var bytes: [UInt8] = []
        for word in [fnv(0xcbf2_9ce4_8422_2325), fnv(0x6c62_272e_07bb_0142)] {
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        // Version 4 and variant bits, so strict parsers accept it.
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }
}
