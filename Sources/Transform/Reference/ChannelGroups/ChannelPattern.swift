import Foundation

/// A regular expression from GA4's channel definitions, matched against the whole (lowercased) value.
public struct ChannelPattern: Sendable {
    public let text: String
    private let expression: NSRegularExpression

    public init(_ text: String) {
        self.text = text
        do {
            expression = try NSRegularExpression(pattern: text, options: [.caseInsensitive])
        } catch {
            preconditionFailure("channel rule pattern \(text) does not compile: \(error)")
        }
    }

    func matches(_ value: String) -> Bool {
        let whole = NSRange(value.startIndex..., in: value)
        guard let match = expression.firstMatch(in: value, options: [.anchored], range: whole) else { return false }
        return match.range == whole
    }
}
