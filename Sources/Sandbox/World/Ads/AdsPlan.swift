import OmnidashCore

/// Every ad account of the brand on every emulated ad platform, and every ad's position in its tree, in a stable
/// order: the world generates delivery per ad and the emulators walk the tree.
struct AdsPlan: Sendable {
    let accounts: [SandboxAdAccount]
    /// Every ad with its position in the tree.
    let ads: [AdPosition]

    struct AdPosition: Sendable {
        let account: Int
        let campaign: Int
        let adSet: Int
        let ad: Int
    }

    init(accounts: [SandboxAdAccount]) {
        self.accounts = accounts
        var positions: [AdPosition] = []
        for (accountIndex, account) in accounts.enumerated() {
            for (campaignIndex, campaign) in account.campaigns.enumerated() {
                for (setIndex, set) in campaign.adSets.enumerated() {
                    for adIndex in set.ads.indices {
                        positions.append(AdPosition(account: accountIndex, campaign: campaignIndex, adSet: setIndex, ad: adIndex))
                    }
                }
            }
        }
        self.ads = positions
    }

    func account(of position: AdPosition) -> SandboxAdAccount { accounts[position.account] }
    func campaign(of position: AdPosition) -> SandboxCampaign { accounts[position.account].campaigns[position.campaign] }
    func adSet(of position: AdPosition) -> SandboxAdSet { campaign(of: position).adSets[position.adSet] }
    func ad(of position: AdPosition) -> SandboxAd { adSet(of: position).ads[position.ad] }

    /// The indices of the accounts on `platform`.
    func accountIndices(on platform: Platform) -> [Int] {
        accounts.indices.filter { accounts[$0].platform == platform }
    }
}
