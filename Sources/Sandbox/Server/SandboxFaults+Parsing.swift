import OmnidashCore

extension SandboxFaults: CustomStringConvertible {
    /// Parses the CLI/config form, e.g. `"throttle=7,5xx=11x3,slow=200ms,expire-tokens=50,malformed=500"`.
    ///
    /// Parts are comma-separated `name=value` pairs in any order: `throttle=N`, `5xx=N` or `5xx=NxB` (burst of B,
    /// default 2), `slow=<n>ms` or `slow=<n>s`, `expire-tokens=N`, `malformed=N`, and `appsecret-proof=required`
    /// (Meta's "Require App Secret" setting, not a fault but a stricter app). An empty string or `none` means no
    /// faults. `throttle`, `5xx` and `expire-tokens` need N ≥ 2, since every request failing would stop any sync.
    ///
    /// - Throws: `SandboxFaultsParseError`, whose one-line message names the bad part.
    public init(parsing text: String) throws {
        self.init()
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty, trimmed != "none" else { return }
        var seen: Set<String> = []
        for rawPart in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let part = String(rawPart).trimmingSpaces
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else {
                throw SandboxFaultsParseError(part: part, problem: "expected name=value")
            }
            let (name, value) = (pieces[0].trimmingSpaces, pieces[1].trimmingSpaces)
            guard seen.insert(name).inserted else {
                throw SandboxFaultsParseError(part: part, problem: "'\(name)' is given twice")
            }
            switch name {
            case "throttle":
                throttleEvery = try Self.count(value, minimum: 2, part: part)
            case "5xx":
                let numbers = value.split(separator: "x", omittingEmptySubsequences: false).map(String.init)
                guard numbers.count <= 2 else {
                    throw SandboxFaultsParseError(part: part, problem: "expected N or NxB, e.g. 5xx=11x3")
                }
                serverErrorEvery = try Self.count(numbers[0], minimum: 2, part: part)
                if numbers.count == 2 { serverErrorBurst = try Self.count(numbers[1], minimum: 1, part: part) }
            case "slow":
                slowResponse = try Self.duration(value, part: part)
            case "expire-tokens":
                expireTokensEvery = try Self.count(value, minimum: 2, part: part)
            case "malformed":
                malformedOrderEvery = try Self.count(value, minimum: 1, part: part)
            case "appsecret-proof":
                guard value == "required" else { throw SandboxFaultsParseError(part: part, problem: "expected 'required'") }
                requireAppSecretProof = true
            default:
                throw SandboxFaultsParseError(
                    part: part, problem: "unknown fault '\(name)' (known: throttle, 5xx, slow, expire-tokens, malformed, appsecret-proof)")
            }
        }
    }

    /// The CLI form of these faults (`none` when there are none).
    public var description: String {
        var parts: [String] = []
        if let throttleEvery { parts.append("throttle=\(throttleEvery)") }
        if let serverErrorEvery { parts.append("5xx=\(serverErrorEvery)x\(serverErrorBurst)") }
        if let slowResponse {
            let (seconds, attoseconds) = slowResponse.components
            parts.append("slow=\(seconds * 1_000 + attoseconds / 1_000_000_000_000_000)ms")
        }
        if let expireTokensEvery { parts.append("expire-tokens=\(expireTokensEvery)") }
        if let malformedOrderEvery { parts.append("malformed=\(malformedOrderEvery)") }
        if requireAppSecretProof { parts.append("appsecret-proof=required") }
        return parts.isEmpty ? "none" : parts.joined(separator: ",")
    }

    private static func count(_ text: String, minimum: Int, part: String) throws -> Int {
        guard let value = Int(text), value >= minimum else {
            throw SandboxFaultsParseError(part: part, problem: "expected a whole number ≥ \(minimum)")
        }
        return value
    }

    private static func duration(_ text: String, part: String) throws -> Duration {
        let problem = "expected a duration such as 200ms or 1.5s"
        let (number, scale): (Substring, Double)
        if text.hasSuffix("ms") {
            (number, scale) = (text.dropLast(2), 1)
        } else if text.hasSuffix("s") {
            (number, scale) = (text.dropLast(1), 1_000)
        } else {
            throw SandboxFaultsParseError(part: part, problem: problem)
        }
        guard let value = Double(number), value >= 0, value <= 600_000 / scale else {
            throw SandboxFaultsParseError(part: part, problem: problem)
        }
        return .milliseconds(Int((value * scale).rounded()))
    }
}

/// A fault specification that could not be parsed; its message names the bad part.
public struct SandboxFaultsParseError: UserFacingError, Equatable {
    public let part: String
    public let problem: String

    public var description: String { "faults: '\(part)': \(problem)" }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}
