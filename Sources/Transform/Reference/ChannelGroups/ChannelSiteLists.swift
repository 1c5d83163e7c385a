/// The site lists the channel rules refer to.
///
/// GA4's lists (search, social, shopping, video) are a selection from Google's downloadable source-category
/// spreadsheet (SOURCE_CATEGORY_SEARCH / SOCIAL / SHOPPING / VIDEO, linked from support.google.com/analytics/answer/9756891):
/// the sites that matter for a Thai seller and the world's traffic; add rows here, not in the rules. The marketplace,
/// LINE and affiliate-network lists are ours, for the Thai extensions of the default channel group.
/// A bare name (`facebook`) matches any host with that label (`l.facebook.com`, `facebook.co.th`); a dotted entry
/// matches itself and its subdomains.
public enum ChannelSiteLists {
    public static let search: Set<String> = [
        "google", "bing", "yahoo", "baidu", "duckduckgo", "yandex", "ecosia", "naver", "daum", "ask", "aol",
        "search.yahoo.com", "search.aol.com", "sogou", "so.com", "360.cn", "seznam", "coccoc", "qwant", "startpage",
        "search.brave.com", "brave", "yahoo.co.jp", "msn", "perplexity", "chatgpt.com", "webcrawler", "dogpile",
    ]

    public static let social: Set<String> = [
        "facebook", "fb", "m.facebook.com", "l.facebook.com", "lm.facebook.com", "instagram", "ig", "l.instagram.com",
        "messenger", "twitter", "t.co", "x.com", "threads.net", "linkedin", "lnkd.in", "pinterest", "pin.it", "reddit",
        "tiktok", "line", "line.me", "lin.ee", "liff.line.me", "whatsapp", "telegram", "t.me", "snapchat", "tumblr",
        "quora", "discord", "weibo", "wechat", "vk", "kakao", "blockdit", "lemon8-app.com", "lemon8",
    ]

    public static let shopping: Set<String> = [
        "shopping.google.com", "google shopping", "shopping.yahoo.com", "amazon", "ebay", "etsy", "walmart",
        "aliexpress", "alibaba", "rakuten", "shopify", "igshopping", "stripe", "checkout.shopify.com",
    ]

    public static let video: Set<String> = [
        "youtube", "youtu.be", "m.youtube.com", "vimeo", "twitch", "dailymotion", "netflix", "bilibili", "wistia",
        "disneyplus", "primevideo", "iqiyi", "wetv", "viu",
    ]

    /// Thai marketplaces: a visitor coming back from (or via) a marketplace listing.
    public static let marketplaces: Set<String> = [
        "shopee", "shopee.co.th", "shopee.com", "s.shopee.co.th", "shp.ee", "lazada", "lazada.co.th", "lazada.com",
        "s.lazada.co.th", "c.lazada.co.th", "shop.tiktok.com", "seller-th.tiktok.com", "vt.tokopedia.com",
    ]

    /// Mediums Thai sellers tag paid placements with that GA4's paid expression does not catch: the marketplaces' own
    /// ads (the marketplaces' own ad products) linking off-platform.
    public static let thaiPaidMediums: Set<String> = ["marketplace_ads"]

    /// LINE as a source (LINE OA broadcasts, rich menus, LIFF apps, short links).
    public static let line: Set<String> = ["line", "line.me", "liff.line.me", "lin.ee", "page.line.me"]

    /// Affiliate networks used in Thailand, written as they appear in `utm_source`.
    public static let affiliateNetworks: Set<String> = [
        "involveasia", "involve asia", "involve_asia", "invol.co", "accesstrade", "accesstrade.in.th", "atth",
        "shopee_affiliate", "shopeeaffiliate", "lazada_affiliate", "lazadaaffiliate", "tiktok_affiliate",
        "ecomobi", "optimise", "rakuten_advertising", "admitad",
    ]
}
