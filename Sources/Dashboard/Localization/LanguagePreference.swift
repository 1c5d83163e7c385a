import Foundation
import Hummingbird

/// The language a page request is answered in, chosen in this order:
///
/// 1. `?lang=th` or `?lang=en` in the URL: the language switch's links. The answer then sets the `omnidash_lang`
///    cookie, so the choice holds on every later page without the parameter in each link. Any other value is a 400.
/// 2. The `omnidash_lang` cookie, from an earlier switch (an unknown value is ignored: it may come from another
///    version of the dashboard).
/// 3. The browser's `Accept-Language`: Thai when it ranks Thai (`th`, `th-TH`) above English.
/// 4. English.
public struct LanguagePreference: Sendable, Hashable {
    /// `?lang=`.
    public static let parameterName = "lang"
    /// The cookie that remembers a choice made with `?lang=`.
    public static let cookieName = "omnidash_lang"
    /// A year: the choice is a reader's standing preference, not a session's.
    public static let cookieMaxAge = 365 * 24 * 60 * 60

    public var language: Language
    /// Whether `?lang=` chose the language, in which case the answer remembers it in the cookie.
    public var isFromParameter: Bool

    public init(language: Language, isFromParameter: Bool) {
        self.language = language
        self.isFromParameter = isFromParameter
    }

    /// - Parameters:
    ///   - parameter: the `lang` query value, if any; empty counts as none, as for the other filters.
    ///   - cookie: the `omnidash_lang` cookie's value, if any.
    ///   - acceptLanguage: the `Accept-Language` header, if any.
    /// - Throws: `FilterError` for a `lang` other than `en` or `th`.
    public init(parameter: String?, cookie: String?, acceptLanguage: String?) throws(FilterError) {
        if let parameter, !parameter.isEmpty {
            self.init(language: try Language(parameter: parameter), isFromParameter: true)
        } else {
            self.init(language: cookie.flatMap(Language.init(rawValue:)) ?? Self.negotiate(acceptLanguage ?? "") ?? .en,
                      isFromParameter: false)
        }
    }

    /// The request's choice.
    ///
    /// - Throws: `FilterError` for an unknown `?lang=`.
    public init(request: Request) throws(FilterError) {
        try self.init(parameter: request.uri.queryDictionary[Self.parameterName],
                      cookie: request.cookies[Self.cookieName]?.value,
                      acceptLanguage: request.headers[.acceptLanguage])
    }

    /// The request's choice for an error page: an unknown `?lang=` (perhaps the very error being shown) is passed
    /// over for the cookie and the browser's preference, since the page must still be written in something.
    public static func lenient(_ request: Request) -> Language {
        let cookie = request.cookies[cookieName]?.value
        let header = request.headers[.acceptLanguage]
        let parameter = request.uri.queryDictionary[parameterName]
        return (try? LanguagePreference(parameter: parameter, cookie: cookie, acceptLanguage: header))?.language
            ?? LanguagePreference.fallback(cookie: cookie, acceptLanguage: header)
    }

    private static func fallback(cookie: String?, acceptLanguage: String?) -> Language {
        // Without a parameter this cannot throw; `try?` only satisfies the signature.
        (try? LanguagePreference(parameter: nil, cookie: cookie, acceptLanguage: acceptLanguage))?.language ?? .en
    }

    /// The language an `Accept-Language` header prefers of the two, or `nil` when it names neither.
    ///
    /// Each entry is a tag and an optional `q` weight (1 when left out; 0 means "not this one"); a tag counts for
    /// its primary language (`th-TH` is Thai, `en-GB` English). The higher weight wins; on a tie, the entry listed
    /// first, as browsers list the reader's order. `*` says nothing about these two and is ignored.
    public static func negotiate(_ header: String) -> Language? {
        var best: [Language: (weight: Double, position: Int)] = [:]
        for (position, entry) in header.split(separator: ",").enumerated() {
            let fields = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = fields.first?.lowercased(), !tag.isEmpty else { continue }
            let primary = String(tag.prefix { $0 != "-" && $0 != "_" })
            guard let language = Language(rawValue: primary) else { continue }
            var weight = 1.0
            for field in fields.dropFirst() where field.lowercased().hasPrefix("q=") {
                weight = Double(field.dropFirst(2)).map { min(max($0, 0), 1) } ?? 0
            }
            guard weight > 0 else { continue }
            if let known = best[language], known.weight >= weight { continue }
            best[language] = (weight, position)
        }
        return best.max { lhs, rhs in
            lhs.value.weight != rhs.value.weight ? lhs.value.weight < rhs.value.weight : lhs.value.position > rhs.value.position
        }?.key
    }

    /// `omnidash_lang=th; Max-Age=31536000; Path=/; HttpOnly; SameSite=Lax`: the whole dashboard, a year, sent on
    /// top-level navigation from elsewhere (a bookmark, a shared link) but not on other sites' requests. Only the
    /// server reads it, so script cannot.
    public var cookie: Cookie {
        Cookie(name: Self.cookieName, value: language.code, maxAge: Self.cookieMaxAge, path: "/", httpOnly: true, sameSite: .lax)
    }
}
