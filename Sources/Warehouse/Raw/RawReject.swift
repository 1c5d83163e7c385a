/// A record that could not be parsed or failed validation. It goes to `raw_rejects` and the sync goes on.
public struct RawReject: Sendable, Hashable {
    public var source: String
    public var stream: String
    public var accountID: String?
    /// The record's id when it could be read (`order_sn`), to find it again.
    public var recordKey: String?
    /// One line: what was wrong and where (`item_list[0].model_quantity_purchased: expected a number`).
    public var reason: String
    /// The record as received (after PII redaction when that was possible).
    public var payload: String?

    public init(source: String, stream: String, accountID: String?, recordKey: String?, reason: String, payload: String?) {
        self.source = source
        self.stream = stream
        self.accountID = accountID
        self.recordKey = recordKey
        self.reason = reason
        self.payload = payload
    }
}
