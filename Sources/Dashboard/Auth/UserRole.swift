/// What a signed-in person may see and do.
public enum UserRole: String, Sendable, Codable, CaseIterable {
    /// Everything: every page, users and settings.
    case admin
    /// Every page.
    case analyst
    /// Every page without cost, fee and profit figures.
    case viewer

    /// Whether pages, CSV and JSON show product cost, marketplace fees, profit and margin to this role.
    public var seesCosts: Bool { self != .viewer }
}
