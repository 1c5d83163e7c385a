import OmnidashCore

/// A raw row staging cannot read, named by table and key.
public struct StagingError: UserFacingError {
    public var table: String
    public var key: String
    public var reason: String
    public var description: String { "\(table) \(key): \(reason)" }
}
