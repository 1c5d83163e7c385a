import OmnidashCore

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

extension FeeType {
    /// Position in `FeeBreakdown`'s storage.
    fileprivate var index: Int {
        switch self {
        case .commission: 0
        case .transaction: 1
        case .service: 2
        case .shippingSubsidy: 3
        case .sellerVoucher: 4
        case .platformVoucher: 5
        case .affiliate: 6
        case .other: 7
        }
    }
}
