/// One way of delivering alerts (LINE, Slack, e-mail): its recipients, and how to send one message to one of them.
protocol AlertChannel: Sendable {
    /// `line`, `slack`, `email`: the delivery log's and the metrics' name for it.
    var name: String { get }
    /// Where each alert goes on this channel, as the delivery log shows them (no secrets).
    var targets: [String] { get }

    /// One attempt to send `message` to `target`. `deliveryKey` is the same on every attempt of one delivery, so a
    /// service that de-duplicates retries (LINE's retry key) sends it once.
    ///
    /// - Returns: the service's status or reply code.
    func send(_ message: AlertMessage, to target: String, deliveryKey: String) async throws(DeliveryFailure) -> Int?
}
