import Foundation

/// A value axis with round ticks (0, 250k, 500k, …) that covers every value and zero.
struct ChartScale: Hashable, Sendable {
    let lower: Double
    let upper: Double
    let step: Double

    /// - Parameters:
    ///   - values: the figures to cover; non-finite values and absurd ones (beyond ±10^18, more than any
    ///     Int64 of satang) are ignored, so the tick search always ends.
    ///   - targetTicks: roughly how many intervals to aim for.
    ///   - emptySpan: the span used when every value is zero, so the axis still has a height to divide.
    init(covering values: [Double], targetTicks: Int = 4, emptySpan: Double = 1000) {
        let finite = values.filter { $0.isFinite && abs($0) < 1e18 }
        // Bars grow from zero, so zero is always on the axis.
        let low = min(0, finite.min() ?? 0)
        var high = max(0, finite.max() ?? 0)
        if high == low { high = low + emptySpan }
        let rough = (high - low) / Double(max(targetTicks, 1))
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        let normalised = rough / magnitude
        let factor: Double = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 2.5 ? 2.5 : normalised <= 5 ? 5 : 10
        step = factor * magnitude
        lower = (low / step).rounded(.down) * step
        upper = Swift.max((high / step).rounded(.up) * step, lower + step)
    }

    /// A scale with exactly `intervals` round steps from its lower bound, so its ticks sit on another scale's
    /// grid lines: the second axis of a chart whose series differ by orders of magnitude.
    init(covering values: [Double], intervals: Int, emptySpan: Double = 1000) {
        let finite = values.filter { $0.isFinite && abs($0) < 1e18 }
        let low = min(0, finite.min() ?? 0)
        var high = max(0, finite.max() ?? 0)
        if high == low { high = low + emptySpan }
        let count = Double(max(intervals, 1))
        var magnitude = 1.0
        let rough = (high - low) / count
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        // The smallest round step whose `intervals` steps from the rounded-down start reach the highest value.
        var candidate = magnitude
        var index = 0
        let factors: [Double] = [1, 2, 2.5, 5]
        while true {
            let start = (low / candidate).rounded(.down) * candidate
            if start + candidate * count >= high { break }
            index += 1
            candidate = factors[index % factors.count] * magnitude * pow(10, Double(index / factors.count))
        }
        step = candidate
        lower = (low / step).rounded(.down) * step
        upper = lower + step * count
    }

    /// The tick values from `lower` to `upper`, computed by multiplication so they do not drift (0.1 + 0.2).
    var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        return (0...count).map { lower + Double($0) * step }
    }

    /// Where `value` falls between `bottom` (for `lower`) and `top` (for `upper`) in SVG coordinates.
    func position(_ value: Double, bottom: Double, top: Double) -> Double {
        guard value.isFinite else { return bottom }
        return bottom - (value - lower) / (upper - lower) * (bottom - top)
    }
}
