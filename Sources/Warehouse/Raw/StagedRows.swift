import OmnidashCore

/// A page of raw records staged as it is loaded: the staged rows that follow the raw rows into the warehouse
/// (`RawPage.dependents`), the business dates they fall on (their marts are rebuilt), and the statuses the status map
/// did not know (staged as pending, and reported).
public struct StagedRows: Sendable {
    public var dependents: [DependentRows]
    public var dates: Set<BusinessDate>
    public var unknownStatuses: [String: Int]

    public init(dependents: [DependentRows], dates: Set<BusinessDate>, unknownStatuses: [String: Int] = [:]) {
        self.dependents = dependents
        self.dates = dates
        self.unknownStatuses = unknownStatuses
    }
}
