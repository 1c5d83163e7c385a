import Foundation
import OmnidashCore

/// What the statements and the statement-transactions streams share: both walk the shop's daily statements by
/// `statement_time`, in the same windows, from `since` on the first sync and then from where the last pass ended
/// less `TikTokShop.statementOverlap`, because a statement stays `PROCESSING` until its money is paid out.
public protocol TikTokShopStatementWalk: WindowedStream where Position == Int64 {
    var session: TikTokShopSession { get }
}

extension TikTokShopStatementWalk {
    public var source: SyncSource { .platform(.tiktokShop) }
    public var accountID: String { session.shopID }
    public var windowLength: Int64 { TikTokShop.windowSeconds }
    public var policy: PassPolicy<Int64> {
        .incremental(backfill: "statement_time", incremental: "statement_time", overlap: TikTokShop.statementOverlap)
    }

    public func bounds(_ context: StreamContext) -> (since: Int64, until: Int64) {
        (Int64(context.since.timeIntervalSince1970), Int64(context.until.timeIntervalSince1970))
    }
}
