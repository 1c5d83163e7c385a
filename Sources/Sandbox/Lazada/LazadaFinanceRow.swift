import Foundation
import OmnidashCore

/// One line of Lazada's `/finance/transaction/details/get`: a credit or a fee of one order item, amount as signed
/// two-decimal text (credits positive, fees negative, as the doc sample's `"amount": "-0.62"` for a "Payment Fee").
///
/// Names (`transaction_type` and `fee_name` carry the same name): "Item Price Credit", "Commission", "Payment Fee",
/// "Free Shipping Max Fee", "Shipping Fee Paid by Seller". "Payment Fee" and its `fee_type` 13 are from the doc's
/// response sample; the other names are those Thai and Vietnamese sellers' statements show (seen in public
/// integrations, e.g. mappings of "Item Price Credit", "Commission", "Shipping Fee Paid by Seller") — the doc lists no
/// enumeration, so the other `fee_type` ids below are the emulator's own (UNVERIFIED).
struct LazadaFinanceRow: Sendable {
    enum Kind: Int, CaseIterable, Sendable {
        case itemPriceCredit, commission, paymentFee, freeShippingMaxFee, shippingFeePaidBySeller

        var name: String {
            switch self {
            case .itemPriceCredit: "Item Price Credit"
            case .commission: "Commission"
            case .paymentFee: "Payment Fee"
            case .freeShippingMaxFee: "Free Shipping Max Fee"
            case .shippingFeePaidBySeller: "Shipping Fee Paid by Seller"
            }
        }

        /// `fee_type`, also accepted as `trans_type`. Only 13 (Payment Fee) is from the doc; the rest are UNVERIFIED.
        var feeType: String {
            switch self {
            case .itemPriceCredit: "1"
            case .commission: "16"
            case .paymentFee: "13"
            case .freeShippingMaxFee: "28"
            case .shippingFeePaidBySeller: "8"
            }
        }
    }

    let kind: Kind
    let order: SimulatedOrder
    let lineIndex: Int
    /// The order item's id as `/order/items/get` gives it (order id × 10 + item number).
    let orderItemID: String
    /// Signed, satang.
    let amountMinor: Int64
    let settlementTime: Int64
    /// Position of the row within its order, for a stable order of rows.
    let sequence: Int

    /// The rows of one settled order: per order item its price credit and fees, then the seller's shipping share on
    /// the first live item. Withdrawn lines have no rows but keep their item numbers.
    static func rows(of order: SimulatedOrder, _ settlement: OrderSettlement) -> [LazadaFinanceRow] {
        guard settlement.settled, let time = settlement.settlementTime else { return [] }
        var rows: [LazadaFinanceRow] = []
        var firstItem: (line: Int, id: String)?
        var itemNumber = 0
        let live = Dictionary(uniqueKeysWithValues: settlement.lines.map { ($0.lineIndex, $0) })
        for (index, line) in order.lines.enumerated() {
            for _ in 0..<line.quantity {
                itemNumber += 1
                guard let fees = live[index], let base = Int64(order.orderSN) else { continue }
                let id = String(base * 10 + Int64(itemNumber))
                if firstItem == nil { firstItem = (index, id) }
                func add(_ kind: Kind, _ amount: Int64) {
                    guard amount != 0 || kind == .itemPriceCredit else { return }
                    rows.append(LazadaFinanceRow(kind: kind, order: order, lineIndex: index, orderItemID: id, amountMinor: amount,
                                                 settlementTime: time, sequence: rows.count))
                }
                add(.itemPriceCredit, fees.unitPriceMinor)
                add(.commission, -fees.unitCommissionMinor)
                add(.paymentFee, -fees.unitTransactionMinor)
                add(.freeShippingMaxFee, -fees.unitServiceMinor)
            }
        }
        if let firstItem, settlement.fees[.shippingSubsidy] > 0 {
            rows.append(LazadaFinanceRow(kind: .shippingFeePaidBySeller, order: order, lineIndex: firstItem.line, orderItemID: firstItem.id,
                                         amountMinor: -settlement.fees[.shippingSubsidy], settlementTime: time, sequence: rows.count))
        }
        return rows
    }

    /// `17 May 2016`, as the doc sample writes `transaction_date`.
    static func text(_ day: BusinessDate) -> String {
        "\(day.day) \(months[day.month - 1]) \(day.year)"
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
