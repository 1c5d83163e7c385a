/// Every platform the Sandbox emulates, one line each. The server, the credentials endpoint and the configuration it
/// hands out go through this list and name no platform.
enum EmulatorRegistry {
    static let emulators: [any Emulator.Type] = [
        ShopeeEmulator.self,
        LazadaEmulator.self,
        TikTokShopEmulator.self,
        FacebookEmulator.self,
        GoogleAdsEmulator.self,
        TikTokAdsEmulator.self,
        LineAdsEmulator.self,
        GA4Emulator.self,
    ]

    static var credentialTypes: [any PlatformCredentials.Type] { emulators.map { $0.credentialsType } }

    /// Every marketplace shop of the brand, in registry order: the first is the reference shop.
    static var shops: [SandboxShop] { emulators.flatMap { $0.shops } }

    /// Every ad account of the brand, in registry order.
    static var adAccounts: [SandboxAdAccount] { emulators.flatMap { $0.adAccounts } }
}
