import Foundation

/// A number the platform may send as a JSON string (`"14.35"`, Meta's habit) or as a JSON number, kept as
/// its exact text; ids longer than 2^53 never pass through `Double`.
public struct NumericText: Decodable, Sendable, Hashable {
    public let text: String

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            guard Decimal(exactly: string) != nil else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(string)' is not a number")
            }
            text = string
        } else {
            text = "\(try container.decode(Decimal.self))"
        }
    }

    public var decimal: Decimal { Decimal(exactly: text) ?? 0 }
    public var int64: Int64? { Int64(text) ?? Int64(exactly: NSDecimalNumber(decimal: decimal).doubleValue) }
}
