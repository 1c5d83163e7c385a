/// The languages the dashboard's pages are written in: English, and Thai for the sellers and agency analysts it is
/// built for. Only HTML changes with the language; CSV and JSON keep machine-readable keys and ISO dates.
public enum Language: String, CaseIterable, Sendable, Hashable, Codable {
    case en, th

    /// The value of `<html lang>` and of `?lang=`.
    public var code: String { rawValue }

    /// The language's name in itself (`English`, `ไทย`), for the language switch. An autonym reads the same whatever
    /// language the page is in, so it is not in the translation table: a Thai reader looks for "ไทย" on an English page.
    public var nativeName: String {
        switch self {
        case .en: "English"
        case .th: "ไทย"
        }
    }

    /// Reads `?lang=…`.
    ///
    /// - Throws: `FilterError` naming the allowed values for anything but `en` or `th`.
    public init(parameter text: String) throws(FilterError) {
        guard let language = Language(rawValue: text) else {
            throw FilterError(.errorUnknownLanguage,
                              ["value": String(text.prefix(32)), "allowed": Language.allCases.map(\.code).joined(separator: ", ")],
                              subject: .language)
        }
        self = language
    }
}
