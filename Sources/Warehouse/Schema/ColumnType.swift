/// The portable column types of the warehouse; `SQLDialect.typeName(_:)` spells them per engine.
public enum ColumnType: Sendable, Hashable {
    /// Text: ids, names, JSON.
    case text
    /// 64-bit integer: counts, money in minor units (`_minor` columns), Unix seconds from APIs.
    case integer
    /// Double: ratios and rates of change.
    case real
    /// Exact decimal in major units: the seed's money columns, kept for analysts beside the `_minor` integers.
    case decimal
    /// Business date as ISO text `YYYY-MM-DD` (sorts and compares the same on both engines).
    case date
    /// UTC instant as ISO text `YYYY-MM-DDTHH:MM:SSZ`.
    case timestamp
    /// 0 or 1.
    case boolean
}
