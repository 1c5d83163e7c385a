/// One amount per `FeeType`, in satang, positive when the seller pays.
public struct FeeBreakdown: Sendable, Equatable {
    private var amounts = [Int64](repeating: 0, count: FeeType.allCases.count)

    public init() {}

    public subscript(_ type: FeeType) -> Int64 {
        get { amounts[type.index] }
        set { amounts[type.index] = newValue }
    }

    /// Σ of every fee type.
    public var totalMinor: Int64 { amounts.reduce(0, +) }

    public static func + (lhs: FeeBreakdown, rhs: FeeBreakdown) -> FeeBreakdown {
        var sum = lhs
        for type in FeeType.allCases { sum[type] += rhs[type] }
        return sum
    }

    public static func += (lhs: inout FeeBreakdown, rhs: FeeBreakdown) { lhs = lhs + rhs }
}
