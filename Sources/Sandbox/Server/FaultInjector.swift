import Foundation

/// Decides which faults each request meets, from the configured `SandboxFaults` and the request's
/// `X-Sandbox-Fault` header.
///
/// Counters are per platform and advance on every request, so the same sequence of requests always meets the same
/// faults. The ordinals it hands out let each emulator rotate through its platform's kinds of throttle and error.
final class FaultInjector: Sendable {
    enum Platform: Int, CaseIterable {
        case shopee, facebook
    }

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
    private let state = Locked(State())

    private struct State {
        var requests = [0, 0]
        var burstRemaining = [0, 0]
        var serverErrors = [0, 0]
        var throttles = [0, 0]
        var authenticated = [0, 0]
        var orders = [0, 0]
        var malformed = [0, 0]
    }

    init(faults: SandboxFaults) {
        self.faults = faults
    }

    /// Counts a request to `platform` and decides its faults. A burst of 5xx answers takes precedence over a
    /// throttle; a header fault applies to this request only and starts no burst.
    func beginRequest(_ platform: Platform, header: String?) -> RequestFaults {
        let requested = FaultInjector.parseHeader(header)
        let faults = self.faults
        return state.withLock { state in
            let p = platform.rawValue
            state.requests[p] += 1
            let number = state.requests[p]
            var result = RequestFaults()
            result.delay = faults.slowResponse
            if requested.contains("slow") { result.delay = faults.slowResponse ?? .seconds(1) }
            if state.burstRemaining[p] > 0 {
                state.burstRemaining[p] -= 1
                result.serverError = true
            } else if let every = faults.serverErrorEvery, number % every == 0 {
                state.burstRemaining[p] = max(0, faults.serverErrorBurst - 1)
                result.serverError = true
            } else if requested.contains("5xx") {
                result.serverError = true
            }
            if result.serverError {
                result.serverErrorOrdinal = state.serverErrors[p]
                state.serverErrors[p] += 1
            } else if requested.contains("throttle") || faults.throttleEvery.map({ number % $0 == 0 }) == true {
                result.throttle = true
                result.throttleOrdinal = state.throttles[p]
                state.throttles[p] += 1
            }
            result.forceExpiredToken = requested.contains("expired-token")
            result.forceMalformedOrder = requested.contains("malformed")
            return result
        }
    }

    /// Counts an authenticated request that passed every check, and says whether to answer it as if its token had
    /// expired.
    func expiresToken(_ platform: Platform, forced: Bool) -> Bool {
        let every = faults.expireTokensEvery
        return state.withLock { state in
            state.authenticated[platform.rawValue] += 1
            return forced || every.map { state.authenticated[platform.rawValue] % $0 == 0 } == true
        }
    }

    /// Counts an order object about to be served and says how to break it, if at all; kinds rotate.
    func malformation(_ platform: Platform, forced: Bool) -> ShopeeOrderRenderer.Malformation? {
        let every = faults.malformedOrderEvery
        return state.withLock { state in
            let p = platform.rawValue
            state.orders[p] += 1
            guard forced || every.map({ state.orders[p] % $0 == 0 }) == true else { return nil }
            defer { state.malformed[p] += 1 }
            let kinds = ShopeeOrderRenderer.Malformation.allCases
            return kinds[state.malformed[p] % kinds.count]
        }
    }

    static func parseHeader(_ header: String?) -> Set<String> {
        guard let header else { return [] }
        return Set(header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
    }
}
