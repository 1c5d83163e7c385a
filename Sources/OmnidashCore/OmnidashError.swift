/// An error a user may see: it explains itself in one line, naming what was wrong and where.
public protocol UserFacingError: Error, CustomStringConvertible {}

/// A configuration value is missing or invalid. Raised before anything runs.
public struct ConfigurationError: UserFacingError, Equatable {
    public var problems: [String]

    public init(_ problems: [String]) {
        self.problems = problems
    }

    public init(_ problem: String) {
        self.problems = [problem]
    }

    public var description: String {
        problems.count == 1 ? "configuration: \(problems[0])" : "configuration: " + problems.joined(separator: "; ")
    }
}
