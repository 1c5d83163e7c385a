import OmnidashCore

/// The ad platform and ad account control of the ads pages: two selects and an Apply button in one GET form that keeps
/// the chosen dates, so it works without script. Choosing an account narrows to it whatever the platform says.
public struct AdsScopeForm: HTMLComponent, Hashable {
    /// One ad account the warehouse has figures for.
    public struct Account: Sendable, Hashable, Codable {
        public var platform: Platform
        public var accountID: String
        public var name: String?

        public init(platform: Platform, accountID: String, name: String?) {
            self.platform = platform
            self.accountID = accountID
            self.name = name
        }

        /// `<account name> (<platform>)`, or the id when the account has no name.
        public var label: String { "\(name ?? accountID) (\(platform.displayName))" }
    }

    public var filters: DashboardFilters
    public var accounts: [Account]
    /// The page the form submits to.
    public var action: SiteRoute
    public var language: Language

    public init(filters: DashboardFilters, accounts: [Account], action: SiteRoute, language: Language) {
        self.filters = filters
        self.accounts = accounts
        self.action = action
        self.language = language
    }

    public var html: HTMLNode {
        .form(.class("scope-form"), .method("get"), .action(action), .ariaLabel(language.text(.adPlatformAndAccount))) {
            HTMLNode.fieldset {
                HTMLNode.legend(.class("visually-hidden")) { language.text(.adPlatformAndAccount) }
                for (name, value) in filters.dateQueryItems { HTMLNode.input(.type("hidden"), .name(name), .value(value)) }
                if platforms.count > 1 {
                    HTMLNode.label {
                        language.text(.adPlatform)
                        HTMLNode.element("select", [.name("platform")]) {
                            option("", language.text(.allAdPlatforms), selected: filters.platform == nil)
                            for platform in platforms {
                                option(platform.rawValue, platform.displayName, selected: filters.platform == platform)
                            }
                        }
                    }
                }
                HTMLNode.label {
                    language.text(.adAccount)
                    HTMLNode.element("select", [.name("account")]) {
                        option("", language.text(.allAdAccounts), selected: filters.accountID == nil)
                        for account in accounts {
                            option(account.accountID, account.label, selected: filters.accountID == account.accountID)
                        }
                    }
                }
                HTMLNode.element("button", [.type("submit")]) { language.text(.apply) }
            }
        }
    }

    /// The platforms that have accounts, in the order `Platform` lists them.
    var platforms: [Platform] {
        let present = Set(accounts.map(\.platform))
        return Platform.allCases.filter { present.contains($0) }
    }

    private func option(_ value: String, _ label: String, selected: Bool) -> HTMLNode {
        .element("option", [.value(value)] + (selected ? [HTMLAttribute("selected", nil)] : [])) { label }
    }
}
