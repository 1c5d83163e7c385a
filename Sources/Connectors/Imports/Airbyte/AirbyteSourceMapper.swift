import Warehouse

/// Maps the records of one Airbyte source to the raw rows that source's native connector writes, so both paths land
/// in the same raw tables and dedup on the same keys. Each source's mapper lives in its connector's folder and is
/// named in `AirbyteSourceRegistry`.
public protocol AirbyteSourceMapper: Sendable {
    /// The Airbyte stream names it reads.
    var streams: [String] { get }
    /// Every raw table its rows go to.
    var tables: [RawTableContract] { get }
    /// What one record's `data` object becomes. Mutating: a mapper may learn from one stream what another stream's
    /// records lack (an account's currency).
    mutating func map(stream: String, data: Range<Int>, of scanner: JSONScanner) -> AirbyteMapped
}

/// What a mapper made of one record.
public enum AirbyteMapped: Sendable {
    /// A raw row, or a reject naming the field.
    case parsed(ParsedRecord)
    /// Read for what it says about other records (an account's currency); nothing to store.
    case context
    /// A stream the mapper does not read.
    case unknownStream
}

/// What the person importing knows that an Airbyte record may not carry.
public struct AirbyteImportOptions: Sendable {
    /// The ad account, customer or property the output was read from (`--account-id`); a record's own id wins.
    public var accountID: String?
    /// The currency of an account whose records do not say it (`--currency`).
    public var currency: String?

    public init(accountID: String? = nil, currency: String? = nil) {
        self.accountID = accountID
        self.currency = currency
    }
}
