/// An ISO 4217 currency code with the number of minor-unit digits it is stored with.
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    public let code: String

    public init(_ code: String) {
        self.code = code.uppercased()
    }

    public static let thb = Currency("THB")
    public static let usd = Currency("USD")

    /// Digits after the decimal point in the currency's minor unit (satang for THB).
    ///
    /// Omnidash stores every amount as an integer count of the *reporting* currency's minor unit;
    /// the zero-decimal currencies matter when a platform reports in them.
    public var minorUnitDigits: Int {
        switch code {
        case "VND", "IDR", "JPY", "KRW", "CLP": 0
        default: 2
        }
    }

    public var description: String { code }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
