/// What an error answer says, kept as a translation key until the answer's form is known: the error page says it in
/// the reader's language, while JSON and CSV errors, read by scripts and logs, always say it in English.
enum ErrorMessage: Sendable, Equatable {
    /// A sentence of the translation table with its values.
    case localized(TextKey, [String: String])
    /// A filter the dashboard cannot show, in the sentence for what it was about.
    case filter(FilterError)
    /// Text from elsewhere (an `HTTPError`'s own body), shown as it is.
    case verbatim(String)

    func text(in language: Language) -> String {
        switch self {
        case .localized(let key, let arguments):
            return language.text(key, arguments)
        case .filter(let error):
            let sentence: TextKey = switch error.subject {
            case .dates: .errorInvalidDates
            case .scope: .errorInvalidScope
            case .language: .errorInvalidLanguage
            }
            return language.text(sentence, ["reason": error.reason(in: language)])
        case .verbatim(let text):
            return text
        }
    }
}
