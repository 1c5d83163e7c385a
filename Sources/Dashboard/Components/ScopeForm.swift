import OmnidashCore

/// The marketplace and shop control: two selects and an Apply button in one GET form that keeps the chosen dates,
/// so it works without script. Choosing a shop narrows to it whatever the marketplace says; "All" clears a choice.
public struct ScopeForm: HTMLComponent, Hashable {
    /// One shop the warehouse has figures for.
    public struct Shop: Sendable, Hashable, Codable {
        public var platform: Platform
        public var shopID: String
        public var name: String?

        public init(platform: Platform, shopID: String, name: String?) {
            self.platform = platform
            self.shopID = shopID
            self.name = name
        }

        /// `<shop name> (<marketplace>)`, or the id when the shop has no name yet.
        public var label: String { "\(name ?? shopID) (\(platform.displayName))" }
    }

    public var filters: DashboardFilters
    public var shops: [Shop]
    /// The page the form submits to.
    public var action: SiteRoute
    public var language: Language

    public init(filters: DashboardFilters, shops: [Shop], action: SiteRoute, language: Language) {
        self.filters = filters
        self.shops = shops
        self.action = action
        self.language = language
    }

    public var html: HTMLNode {
        .form(.class("scope-form"), .method("get"), .action(action), .ariaLabel(language.text(.marketplaceAndShop))) {
            HTMLNode.fieldset {
                HTMLNode.legend(.class("visually-hidden")) { language.text(.marketplaceAndShop) }
                for (name, value) in filters.dateQueryItems { HTMLNode.input(.type("hidden"), .name(name), .value(value)) }
                HTMLNode.label {
                    language.text(.marketplace)
                    HTMLNode.element("select", [.name("platform")]) {
                        option("", language.text(.allMarketplaces), selected: filters.platform == nil)
                        for platform in marketplaces {
                            option(platform.rawValue, platform.displayName, selected: filters.platform == platform)
                        }
                    }
                }
                HTMLNode.label {
                    language.text(.shop)
                    HTMLNode.element("select", [.name("shop")]) {
                        option("", language.text(.allShops), selected: filters.shopID == nil)
                        for shop in shops { option(shop.shopID, shop.label, selected: filters.shopID == shop.shopID) }
                    }
                }
                HTMLNode.element("button", [.type("submit")]) { language.text(.apply) }
            }
        }
    }

    /// The marketplaces that have shops, in the order `Platform` lists them.
    var marketplaces: [Platform] {
        let present = Set(shops.map(\.platform))
        return Platform.allCases.filter { present.contains($0) }
    }

    private func option(_ value: String, _ label: String, selected: Bool) -> HTMLNode {
        .element("option", [.value(value)] + (selected ? [HTMLAttribute("selected", nil)] : [])) { label }
    }
}
