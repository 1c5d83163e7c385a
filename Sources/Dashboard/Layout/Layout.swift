/// The frame every page shares: head with the external stylesheet and script (the content-security policy
/// allows no inline ones), a header with the product name, navigation and language switch, the filters, main
/// content, a footer; all in the page's language.
public enum Layout {
    /// The product name, in the header and in every page title; a name, so the same in every language.
    public static let productName = "Omnidash"

    /// One link of the main navigation.
    public struct NavigationItem: Sendable, Hashable {
        public var title: String
        public var route: SiteRoute
        /// Marks the page being shown (`aria-current="page"`).
        public var isCurrent: Bool

        public init(title: String, route: SiteRoute, isCurrent: Bool) {
            self.title = title
            self.route = route
            self.isCurrent = isCurrent
        }
    }

    /// The main navigation: one link per page that exists, each keeping the chosen date range.
    ///
    /// - Parameters:
    ///   - current: the page being shown, or `nil` on a page outside the navigation (an error page).
    ///   - filters: the date range the links carry.
    ///   - language: the language of the links' titles.
    public static func navigation(current: SiteRoute?, filters: DashboardFilters, language: Language) -> [NavigationItem] {
        PageRegistry.pages.map { page in
            NavigationItem(title: language.text(page.title), route: .page(page.id, .html, filters),
                           isCurrent: current?.page == page.id)
        }
    }

    /// A complete HTML5 document.
    ///
    /// - Parameters:
    ///   - title: the page's name, already in `language`; the document title is `<title> · Omnidash`.
    ///   - language: the page's language: `<html lang>`, the frame's own text, and the switch's current choice.
    ///   - alternate: the page the language switch links to in each language: the page being shown, with its dates
    ///     and scope; `nil` leaves the switch out.
    ///   - navigation: the main navigation links, usually `navigation(current:filters:language:)`.
    ///   - filters: the filter controls shown above the content (`DateRangeForm`), or `nil` for none.
    ///   - content: the page itself, placed in `<main>`.
    public static func page(title: String, language: Language, alternate: SiteRoute?, navigation: [NavigationItem],
                            filters: HTMLNode? = nil, @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        .document(lang: language.code) {
            HTMLNode.head {
                HTMLNode.meta(.charset("utf-8"))
                HTMLNode.meta(.name("viewport"), .content("width=device-width, initial-scale=1"))
                HTMLNode.meta(.name("color-scheme"), .content("light dark"))
                HTMLNode.title("\(title) · \(productName)")
                HTMLNode.link(.rel("stylesheet"), .href(.stylesheet))
                HTMLNode.link(.rel("icon"), .type("image/svg+xml"), .href(.icon))
                HTMLNode.script(.src(.script), .defer)
            }
            HTMLNode.body {
                HTMLNode.a(.class("skip-link"), .href(fragment: "content")) { language.text(.skipToContent) }
                HTMLNode.header(.class("site-header")) {
                    HTMLNode.div(.class("site-header-inner")) {
                        HTMLNode.p(.class("brand")) { productName }
                        if !navigation.isEmpty {
                            HTMLNode.nav(.class("site-nav"), .ariaLabel(language.text(.mainNavigation))) {
                                HTMLNode.ul {
                                    for item in navigation {
                                        HTMLNode.li { link(item) }
                                    }
                                }
                            }
                        }
                        if let alternate { languageSwitch(alternate, current: language) }
                        if let user = SignedInUser.current { signOutForm(user, language: language) }
                    }
                }
                if let filters {
                    HTMLNode.div(.class("filters-bar")) { filters }
                }
                HTMLNode.main(.id("content"), .class("page"), .tabindex(-1)) {
                    content()
                }
                HTMLNode.footer(.class("site-footer")) {
                    HTMLNode.p { language.text(.footer, ["product": productName]) }
                }
            }
        }
    }

    /// The signed-in user's name and the sign-out button: a form, since signing out changes state and so is a POST
    /// carrying the session's CSRF token.
    static func signOutForm(_ user: SignedInUser, language: Language) -> HTMLNode {
        .form(.method("post"), .action(.signOut), .class("sign-out")) {
            HTMLNode.span(.class("signed-in-as")) { language.text(.signedInAs, ["name": user.name]) }
            HTMLNode.input(.type("hidden"), .name("csrf_token"), .value(user.csrfToken))
            HTMLNode.button(.type("submit")) { language.text(.signOut) }
        }
    }

    private static func link(_ item: NavigationItem) -> HTMLNode {
        var attributes: [HTMLAttribute] = [.href(item.route)]
        if item.isCurrent { attributes.append(.aria("current", "page")) }
        return .element("a", attributes) { item.title }
    }

    /// "English" and "ไทย", each linking to `route` with `?lang=`, the page's own language marked
    /// `aria-current="true"`. Each name carries its own `lang`, so a screen reader pronounces "ไทย" in Thai on an
    /// English page.
    static func languageSwitch(_ route: SiteRoute, current: Language) -> HTMLNode {
        .nav(.class("language-switch"), .ariaLabel(current.text(.languageSwitch))) {
            HTMLNode.ul {
                for language in Language.allCases {
                    HTMLNode.li {
                        HTMLNode.element("a", [.href(route, switchingTo: language), .hreflang(language), .lang(language.code)]
                                             + (language == current ? [.aria("current", "true")] : [])) {
                            language.nativeName
                        }
                    }
                }
            }
        }
    }
}
