import OmnidashCore

/// The figure columns every ads export shares, in `AdsTable.figureColumns`' order: empty in CSV and null in JSON
/// where a platform does not report a figure.
enum AdsExport {
    static let csvHeader = "spend,impressions,clicks,ctr,cpc,cpm,conversions,cpa,conversion_value,roas,video_views,engagement"

    static func csvFields(_ figures: AdFigures) -> [String] {
        [PageExport.money(figures.spendMinor), String(figures.impressions), String(figures.clicks), PageExport.ratio(figures.ctr),
         PageExport.ratio(figures.cpc), PageExport.ratio(figures.cpm), String(figures.conversions), PageExport.ratio(figures.cpa),
         PageExport.money(figures.conversionValueMinor), PageExport.ratio(figures.roas), figures.videoViews.map(String.init) ?? "",
         figures.engagement.map(String.init) ?? ""]
    }

    static func values(_ figures: AdFigures) -> [String: PageExport.Value] {
        typealias Value = PageExport.Value
        return [
            "spend": .text(PageExport.money(figures.spendMinor)), "spend_minor": .integer(figures.spendMinor),
            "impressions": .integer(figures.impressions), "clicks": .integer(figures.clicks), "ctr": Value(ratio: figures.ctr),
            "cpc": Value(ratio: figures.cpc), "cpm": Value(ratio: figures.cpm), "conversions": .integer(figures.conversions),
            "cpa": Value(ratio: figures.cpa), "conversion_value": .text(PageExport.money(figures.conversionValueMinor)),
            "conversion_value_minor": .integer(figures.conversionValueMinor), "roas": Value(ratio: figures.roas),
            "video_views": figures.videoViews.map(Value.integer) ?? .null, "engagement": figures.engagement.map(Value.integer) ?? .null,
        ]
    }
}
