import Foundation
import OmnidashCore

/// The business days a Shopee Ads stream may ask for: from the sync's `since`, but not before the 6 months Shopee
/// keeps, through today (Shopee refuses dates after today), end exclusive.
struct ShopeeAdsDates: Sendable {
    let calendar: BusinessCalendar

    func bounds(_ context: StreamContext) -> (since: BusinessDate, until: BusinessDate) {
        let today = calendar.date(context.now)
        let oldest = today.adding(months: -Shopee.adsHistoryMonths).adding(days: 1)
        let until = min(calendar.date(context.until), today).adding(days: 1)
        return (min(max(calendar.date(context.since), oldest), until), until)
    }
}
