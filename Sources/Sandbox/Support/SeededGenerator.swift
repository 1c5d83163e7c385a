/// A small, fast, reproducible random number generator (SplitMix64).
///
/// The world must come out identical on every machine and Swift version, so it never uses the standard
/// library's `random(in:using:)` (whose algorithm is not a stable contract) nor anything from libm: every
/// helper here is plain integer arithmetic, plus `unit()` which only scales an integer.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(state: UInt64) {
        self.state = state
    }

    /// A generator for one independent stream of the world, e.g. `(seed, .orders, day)`.
    init(seed: UInt64, stream: RandomStream, _ keys: Int64...) {
        var mixed = SeededGenerator.mix(seed ^ 0x5EED_0F0D_A5B0_0000)
        mixed = SeededGenerator.mix(mixed ^ stream.rawValue)
        for key in keys {
            mixed = SeededGenerator.mix(mixed ^ UInt64(bitPattern: key))
        }
        self.state = mixed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SeededGenerator.mix(state)
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-high; the bias is below 2⁻⁵⁰ for our bounds).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "empty range")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    mutating func int64(in range: ClosedRange<Int64>) -> Int64 {
        range.lowerBound + Int64(below(Int(range.upperBound - range.lowerBound + 1)))
    }

    /// A uniform value in `[0, 1)` with 53 random bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// A value in `[center − spread, center + spread]`, bell-shaped (sum of three uniforms) so that extremes are rare.
    mutating func around(_ center: Double, spread: Double) -> Double {
        let bell = (unit() + unit() + unit() - 1.5) / 1.5
        return center + spread * bell
    }

    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// An index drawn with the given (not necessarily normalised) weights.
    mutating func index(weights: [Double]) -> Int {
        var total = 0.0
        for weight in weights { total += weight }
        var target = unit() * total
        for index in weights.indices {
            target -= weights[index]
            if target < 0 { return index }
        }
        return weights.count - 1
    }

    /// An index drawn from cumulative weights (each entry the running total), by binary search.
    mutating func index(cumulative: [Double]) -> Int {
        let target = unit() * cumulative[cumulative.count - 1]
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Running totals of `weights`, for `index(cumulative:)`.
    static func cumulative(_ weights: [Double]) -> [Double] {
        var total = 0.0
        return weights.map { weight in
            total += weight
            return total
        }
    }

    /// Rounds a non-negative expected count to an integer without bias: ⌊x⌋, plus one with probability frac(x).
    mutating func roundStochastically(_ expected: Double) -> Int64 {
        guard expected > 0 else { return 0 }
        let whole = expected.rounded(.down)
        return Int64(whole) + (unit() < expected - whole ? 1 : 0)
    }

    /// SplitMix64's finaliser, also used to derive independent sub-seeds.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The independent random streams of the world; each has its own constant so that adding a stream never shifts
/// the numbers another stream draws.
enum RandomStream: UInt64 {
    case demand = 0x01
    case dayOrders = 0x02
    case orderCore = 0x03
    case orderDetails = 0x04
    case buyer = 0x05
    case fxForward = 0x06
    case fxBackward = 0x07
    case adDay = 0x08
    case adFlight = 0x09
    case outage = 0x0A
    case secrets = 0x0B
    case lineWithdrawal = 0x0C
    case websiteVisitors = 0x0D
    case websiteSession = 0x0E
    case websiteHandoff = 0x0F
}
