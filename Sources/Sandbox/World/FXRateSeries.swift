import Foundation
import OmnidashCore

/// The daily USD→THB rate: a mean-reverting random walk around 35 THB, kept within 33–37, with 4 decimals.
///
/// The walk runs in integer ten-thousandths from a fixed anchor day (forwards and, on its own stream, backwards),
/// so every machine computes the same rates. Walked days are kept, so a rate costs one step the first time.
final class FXRateSeries: Sendable {
    private let seed: UInt64
    private let walked = Locked(Walked())

    /// Rates start from 35.0000 on this day.
    private static let anchor = BusinessDate(year: 2015, month: 1, day: 1)!
    private static let center: Int64 = 350_000
    private static let floor: Int64 = 330_000
    private static let ceiling: Int64 = 370_000

    private struct Walked {
        var forward: [Int64] = [FXRateSeries.center]
        var backward: [Int64] = [FXRateSeries.center]
    }

    init(seed: UInt64) {
        self.seed = seed
    }

    /// Currencies with a published rate, besides THB itself.
    static let currencies = ["USD"]

    /// THB per one USD on `day`, in ten-thousandths (`351234` = 35.1234).
    func usdTenThousandths(on day: BusinessDate) -> Int64 {
        let offset = FXRateSeries.anchor.distance(to: day)
        return walked.withLock { walked in
            if offset >= 0 {
                extend(&walked.forward, to: offset, stream: .fxForward)
                return walked.forward[offset]
            } else {
                extend(&walked.backward, to: -offset, stream: .fxBackward)
                return walked.backward[-offset]
            }
        }
    }

    /// THB per one unit of `currency`, or `nil` when the world publishes no rate for it.
    func rate(currency: String, on day: BusinessDate) -> Decimal? {
        switch currency.uppercased() {
        case "THB": return 1
        case "USD": return Decimal(usdTenThousandths(on: day)) / 10_000
        default: return nil
        }
    }

    private func extend(_ path: inout [Int64], to step: Int, stream: RandomStream) {
        while path.count <= step {
            let index = path.count
            var generator = SeededGenerator(seed: seed, stream: stream, Int64(index))
            let previous = path[index - 1]
            // Pull 1/120 of the gap back towards the centre each day, plus up to ±0.15 THB of noise.
            let next = previous + (FXRateSeries.center - previous) / 120 + generator.int64(in: -1_500...1_500)
            path.append(min(FXRateSeries.ceiling, max(FXRateSeries.floor, next)))
        }
    }
}
