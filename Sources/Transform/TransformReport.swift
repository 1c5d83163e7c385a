import OmnidashCore

/// What a transform did.
public struct TransformReport: Sendable {
    /// Staging rows written, by builder.
    public var stagedRows: [String: Int] = [:]
    /// The business dates whose marts were rebuilt; `nil` when nothing changed.
    public var martRange: DateRange?
    public var martRows: [String: Int] = [:]
    /// Order statuses the status map does not know (counted as pending), with their order counts.
    public var unknownStatuses: [String: Int] = [:]

    public init() {}
}
