import Foundation
import OmnidashCore

/// Decides which faults each request meets, from the configured `SandboxFaults` and the request's
/// `X-Sandbox-Fault` header.
///
/// Counters are per platform and advance on every request, so the same sequence of requests always meets the same
/// faults. The ordinals it hands out let each emulator rotate through its platform's kinds of throttle and error.
final class FaultInjector: Sendable {

    /// The faults one request meets before the emulator handles it.
    struct RequestFaults {
        var delay: Duration?
        /// Answer with a 5xx; `serverErrorOrdinal` counts such answers, to alternate between kinds.
        var serverError = false
        var serverErrorOrdinal = 0
        /// Answer with the platform's throttle; `throttleOrdinal` counts throttles, to rotate codes.
        var throttle = false
        var throttleOrdinal = 0
        /// The header asked for an expired token on this request.
        var forceExpiredToken = false
        /// The header asked for a malformed order in this response.
        var forceMalformedOrder = false
    }

    static let headerName = "X-Sandbox-Fault"

    let faults: SandboxFaults

    /// One platform's counters.
    private struct Counters {
        var requests = 0
        var burstRemaining = 0
        var serverErrors = 0
        var throttles = 0
        var authenticated = 0
        var records = 0
        var malformed = 0
    }

    private let state = Locked([Platform: Counters]())

    init(faults: SandboxFaults) {
        self.faults = faults
    }

    /// Counts a request to `platform` and decides its faults. A burst of 5xx answers takes precedence over a
    /// throttle; a header fault applies to this request only and starts no burst.
    func beginRequest(_ platform: Platform, header: String?) -> RequestFaults {
        let requested = FaultInjector.parseHeader(header)
        let faults = self.faults
        return state.withLock { state in
            var counters = state[platform, default: Counters()]
            defer { state[platform] = counters }
            counters.requests += 1
            let number = counters.requests
            var result = RequestFaults()
            result.delay = faults.slowResponse
            if requested.contains("slow") { result.delay = faults.slowResponse ?? .seconds(1) }
            if counters.burstRemaining > 0 {
                counters.burstRemaining -= 1
                result.serverError = true
            } else if let every = faults.serverErrorEvery, number % every == 0 {
                counters.burstRemaining = max(0, faults.serverErrorBurst - 1)
                result.serverError = true
            } else if requested.contains("5xx") {
                result.serverError = true
            }
            if result.serverError {
                result.serverErrorOrdinal = counters.serverErrors
                counters.serverErrors += 1
            } else if requested.contains("throttle") || faults.throttleEvery.map({ number % $0 == 0 }) == true {
                result.throttle = true
                result.throttleOrdinal = counters.throttles
                counters.throttles += 1
            }
            result.forceExpiredToken = requested.contains("expired-token")
            result.forceMalformedOrder = requested.contains("malformed")
            return result
        }
    }

    /// Counts an authenticated request that passed every check, and says whether to answer it as if its token had
    /// expired.
    func expiresToken(_ platform: Platform, forced: Bool) -> Bool {
        let expiring = faults.expiringTokenPlatforms?.contains(platform) ?? true
        let every = expiring ? faults.expireTokensEvery : nil
        return state.withLock { state in
            state[platform, default: Counters()].authenticated += 1
            let count = state[platform, default: Counters()].authenticated
            return forced || every.map { count % $0 == 0 } == true
        }
    }

    /// Counts a record about to be served and says how to break it, if at all: one of the platform's `kinds`,
    /// rotating, so every kind is met.
    func malformation<Kind>(_ platform: Platform, forced: Bool, kinds: [Kind]) -> Kind? {
        let every = faults.malformedOrderEvery
        let ordinal = state.withLock { state -> Int? in
            var counters = state[platform, default: Counters()]
            defer { state[platform] = counters }
            counters.records += 1
            guard forced || every.map({ counters.records % $0 == 0 }) == true else { return nil }
            defer { counters.malformed += 1 }
            return counters.malformed
        }
        return ordinal.map { kinds[$0 % kinds.count] }
    }

    static func parseHeader(_ header: String?) -> Set<String> {
        guard let header else { return [] }
        return Set(header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
    }
}
