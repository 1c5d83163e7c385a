/// The frame every page shares: head with the external stylesheet and script (the content-security policy
/// allows no inline ones), a header with the product name and navigation, the filters, main content, a footer.
public enum Layout {
    /// The product name, in the header and in every page title.
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
    public static func navigation(current: SiteRoute?, filters: DashboardFilters) -> [NavigationItem] {
        PageRegistry.pages.map { page in
            NavigationItem(title: page.title, route: .page(page.id, .html, filters), isCurrent: current?.page == page.id)
        }
    }

    /// A complete HTML5 document.
    ///
    /// - Parameters:
    ///   - title: the page's name; the document title is `<title> · Omnidash`.
    ///   - navigation: the main navigation links, usually `navigation(current:filters:)`.
    ///   - filters: the filter controls shown above the content (`DateRangeForm`), or `nil` for none.
    ///   - content: the page itself, placed in `<main>`.
    public static func page(title: String, navigation: [NavigationItem], filters: HTMLNode? = nil,
                            @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        .document(lang: "en") {
            HTMLNode.head {
                HTMLNode.meta(.charset("utf-8"))
                HTMLNode.meta(.name("viewport"), .content("width=device-width, initial-scale=1"))
                HTMLNode.meta(.name("color-scheme"), .content("light dark"))
                HTMLNode.title("\(title) · \(productName)")
                HTMLNode.link(.rel("stylesheet"), .href(.stylesheet))
                HTMLNode.script(.src(.script), .defer)
            }
            HTMLNode.body {
                HTMLNode.a(.class("skip-link"), .href(fragment: "content")) { "Skip to content" }
                HTMLNode.header(.class("site-header")) {
                    HTMLNode.div(.class("site-header-inner")) {
                        HTMLNode.p(.class("brand")) { productName }
                        if !navigation.isEmpty {
                            HTMLNode.nav(.class("site-nav"), .ariaLabel("Main")) {
                                HTMLNode.ul {
                                    for item in navigation {
                                        HTMLNode.li { link(item) }
                                    }
                                }
                            }
                        }
                    }
                }
                if let filters {
                    HTMLNode.div(.class("filters-bar")) { filters }
                }
                HTMLNode.main(.id("content"), .class("page"), .tabindex(-1)) {
                    content()
                }
                HTMLNode.footer(.class("site-footer")) {
                    HTMLNode.p {
                        "\(productName) · amounts in Thai baht (THB) · dates in the reporting time zone"
                    }
                }
            }
        }
    }

    private static func link(_ item: NavigationItem) -> HTMLNode {
        var attributes: [HTMLAttribute] = [.href(item.route)]
        if item.isCurrent { attributes.append(.aria("current", "page")) }
        return .element("a", attributes) { item.title }
    }
}
