import OmnidashCore

/// Where an order is in its life, in no marketplace's vocabulary: each emulator renders a stage as its platform's own
/// status (`READY_TO_SHIP` on one, `pending` on another).
enum OrderStage: Sendable, Equatable, CaseIterable {
    case awaitingPayment
    case readyToShip
    /// The buyer asked to cancel and the seller has not answered yet.
    case cancelRequested
    case packed
    case shipped
    /// At the buyer's door, not yet confirmed received.
    case delivered
    case completed
    case cancelled
    case returned

    /// The normalisation the ground truth uses: revenue counts completed and pending orders.
    var normalized: NormalizedOrderStatus {
        switch self {
        case .completed: .completed
        case .cancelled: .cancelled
        case .returned: .refunded
        case .awaitingPayment, .readyToShip, .cancelRequested, .packed, .shipped, .delivered: .pending
        }
    }
}
