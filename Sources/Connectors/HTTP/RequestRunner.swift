import Foundation
import Logging
import OmnidashCore

/// Sends one logical request: waits for the rate limiter, retries throttling and transient failures with
/// back-off, refreshes an expired token (twice at most), and ends with a `ConnectorError` that names the platform,
/// endpoint, code and message. The one retry loop every connector shares.
public struct RequestRunner: Sendable {
    public let source: String
    public let transport: any HTTPTransport
    public let bucket: TokenBucket
    public let retry: RetryPolicy
    public let timeout: Duration
    public let counters: RequestCounters
    /// The process's Prometheus counters of requests, retries and throttling, labelled with this source.
    public let metrics: RequestMetrics
    public let logger: Logger
    private let sleep: @Sendable (Duration) async throws -> Void
    private let jitter: @Sendable () -> Double

    public init(source: String, transport: any HTTPTransport, bucket: TokenBucket, retry: RetryPolicy,
                timeout: Duration = .seconds(60), counters: RequestCounters = RequestCounters(), metrics: RequestMetrics? = nil,
                logger: Logger,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                jitter: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }) {
        self.source = source
        self.transport = transport
        self.bucket = bucket
        self.retry = retry
        self.timeout = timeout
        self.counters = counters
        self.metrics = metrics ?? RequestMetrics(platform: source)
        self.logger = logger
        self.sleep = sleep
        self.jitter = jitter
    }

    /// - Parameters:
    ///   - endpoint: The path, for errors and logs (`/api/v2/order/get_order_list`).
    ///   - build: Builds (and signs) the request; called again for every attempt, because signatures carry
    ///     timestamps and a refresh changes the token.
    ///   - classify: The platform's reading of a response.
    ///   - refresh: Obtains a new access token; `nil` when the platform has no refresh flow.
    public func run(isolation: isolated (any Actor)? = #isolation,
                    endpoint: String,
                    build: () async throws -> HTTPRequestValue,
                    classify: (HTTPResponseValue) -> ResponseVerdict,
                    refresh: (() async throws -> Void)? = nil) async throws -> HTTPResponseValue {
        var attempt = 0
        var refreshes = 0
        var lastProblem = ConnectorError(.unavailable, source: source, endpoint: endpoint, message: "no attempt was made")
        while attempt < retry.maxAttempts {
            attempt += 1
            try Task.checkCancellation()
            try await bucket.acquire()
            let request = try await build()
            let response: HTTPResponseValue
            await counters.countRequest()
            do {
                response = try await transport.send(request, timeout: timeout)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                metrics.countNoAnswer()
                lastProblem = ConnectorError(.unavailable, source: source, endpoint: endpoint, message: "no answer: \(error)")
                try await backOff(attempt: attempt, hint: nil, reason: lastProblem.message, endpoint: endpoint)
                continue
            }
            metrics.countResponse(status: response.status)
            switch classify(response) {
            case .success:
                return response
            case .throttled(let reason, let after):
                await bucket.drain()
                await counters.countThrottled()
                metrics.countThrottled()
                lastProblem = ConnectorError(.rateLimited, source: source, endpoint: endpoint, message: reason, httpStatus: response.status)
                try await backOff(attempt: attempt, hint: after, reason: reason, endpoint: endpoint)
            case .transient(let reason, let after):
                lastProblem = ConnectorError(.unavailable, source: source, endpoint: endpoint, message: reason, httpStatus: response.status)
                try await backOff(attempt: attempt, hint: after, reason: reason, endpoint: endpoint)
            case .refreshCredentials(let error):
                // A second refusal can be another stream's doing (its refresh replaced the token this request carried); a
                // third is the platform refusing the account.
                guard let refresh, refreshes < 2 else { throw error }
                refreshes += 1
                logger.info("access token refused; refreshing", metadata: ["source": "\(source)", "endpoint": "\(endpoint)"])
                try await refresh()
                // A refresh is not a failed attempt: the retry budget stays for real failures.
                attempt -= 1
            case .fail(let error):
                throw error
            }
        }
        throw ConnectorError(lastProblem.kind, source: source, endpoint: endpoint, code: lastProblem.code,
                             message: "\(lastProblem.message) — gave up after \(retry.maxAttempts) attempts",
                             httpStatus: lastProblem.httpStatus)
    }

    private func backOff(attempt: Int, hint: Duration?, reason: String, endpoint: String) async throws {
        guard attempt < retry.maxAttempts else { return }
        let wait = retry.delay(afterAttempt: attempt, hint: hint, jitter: jitter())
        await counters.countRetry(wait: wait)
        metrics.countRetry()
        logger.notice("retrying", metadata: [
            "source": "\(source)", "endpoint": "\(endpoint)", "attempt": "\(attempt)",
            "reason": "\(reason)", "wait": "\(wait)",
        ])
        try await sleep(wait)
    }
}

/// Requests sent and retries made, for the sync run's record.
public actor RequestCounters {
    public private(set) var requests = 0
    public private(set) var retries = 0
    /// Responses that said "slow down" (HTTP 429 or the platform's own rate-limit code); each is also a retry.
    public private(set) var throttled = 0
    /// Time spent backing off, so a slow sync says why it was slow.
    public private(set) var waited = Duration.zero

    public init() {}

    func countRequest() { requests += 1 }
    func countRetry(wait: Duration) { retries += 1; waited += wait }
    func countThrottled() { throttled += 1 }

    /// The counts so far, to subtract: one account's streams share these counters and run one after another.
    public var snapshot: RequestCount { RequestCount(requests: requests, retries: retries, throttled: throttled, waited: waited) }
}

/// Requests, retries, throttled responses and back-off time, for one stream of one run.
public struct RequestCount: Sendable, Equatable {
    public var requests = 0
    public var retries = 0
    public var throttled = 0
    public var waited = Duration.zero

    public init(requests: Int = 0, retries: Int = 0, throttled: Int = 0, waited: Duration = .zero) {
        self.requests = requests
        self.retries = retries
        self.throttled = throttled
        self.waited = waited
    }

    public static func - (lhs: RequestCount, rhs: RequestCount) -> RequestCount {
        RequestCount(requests: lhs.requests - rhs.requests, retries: lhs.retries - rhs.retries,
                     throttled: lhs.throttled - rhs.throttled, waited: lhs.waited - rhs.waited)
    }

    public static func + (lhs: RequestCount, rhs: RequestCount) -> RequestCount {
        RequestCount(requests: lhs.requests + rhs.requests, retries: lhs.retries + rhs.retries,
                     throttled: lhs.throttled + rhs.throttled, waited: lhs.waited + rhs.waited)
    }
}
