import Foundation
import Hummingbird

/// Counts Graph API calls per ad account over a rolling hour and turns them into Meta's usage headers
/// (`x-app-usage`, `x-ad-account-usage`, `x-business-use-case-usage`, `x-fb-ads-insights-throttle`;
/// ads-apis.md §1.4).
///
/// Percentages grow by 0.25 point per call in the last hour and stop at 75 %, below the 85 % at which the reference
/// connector (Airbyte) starts pausing for minutes: the headers look alive without slowing test syncs. A throttled
/// answer reports 100 % and a minute to regain access.
final class UsageMeter: Sendable {
    private let calls = Locked([String: [TimeInterval]]())
    private let clock: @Sendable () -> Date

    static let window: TimeInterval = 3_600
    static let ceilingTenths = 750

    init(clock: @escaping @Sendable () -> Date) {
        self.clock = clock
    }

    /// Records a call for `account` (nil for calls not tied to an account) and returns the usage headers after it.
    func record(account: String?, insights: Bool, throttled: Bool) -> HTTPFields {
        let now = clock().timeIntervalSince1970
        let (accountCalls, appCalls) = calls.withLock { calls in
            let key = account ?? ""
            calls[key, default: []].append(now)
            for name in calls.keys { calls[name]!.removeAll { now - $0 > UsageMeter.window } }
            return (calls[key]!.count, calls.values.reduce(0) { $0 + $1.count })
        }
        let accountTenths = throttled ? 1_000 : min(UsageMeter.ceilingTenths, accountCalls * 5 / 2)
        let appTenths = throttled ? 1_000 : min(UsageMeter.ceilingTenths, appCalls * 3 / 2)
        var headers = HTTPFields()
        HTTPReply.set("x-app-usage", json([
            ("call_count", .int(Int64(appTenths / 10))),
            ("total_time", .int(Int64(appTenths / 14))),
            ("total_cputime", .int(Int64(appTenths / 16))),
        ]), in: &headers)
        guard let account else { return headers }
        HTTPReply.set("x-ad-account-usage", json([
            ("acc_id_util_pct", .number(UsageMeter.percent(tenths: accountTenths))),
            ("reset_time_duration", .int(throttled ? 60 : 0)),
            ("ads_api_access_tier", "standard_access"),
        ]), in: &headers)
        HTTPReply.set("x-business-use-case-usage", json([
            (account, .array([.object([
                ("type", "ads_insights"),
                ("call_count", .int(Int64(accountTenths / 10))),
                ("total_cputime", .int(Int64(accountTenths / 25))),
                ("total_time", .int(Int64(accountTenths / 18))),
                ("estimated_time_to_regain_access", .int(throttled ? 1 : 0)),
                ("ads_api_access_tier", "standard_access"),
            ])])),
        ]), in: &headers)
        if insights {
            HTTPReply.set("x-fb-ads-insights-throttle", json([
                ("app_id_util_pct", .number(UsageMeter.percent(tenths: appTenths))),
                ("acc_id_util_pct", .number(UsageMeter.percent(tenths: accountTenths))),
                ("ads_api_access_tier", "standard_access"),
            ]), in: &headers)
        }
        return headers
    }

    private func json(_ members: [(String, JSONValue)]) -> String {
        String(decoding: JSONValue.object(members).bytes, as: UTF8.self)
    }

    /// `125` → `"12.5"`, `100` → `"10"`.
    private static func percent(tenths: Int) -> String {
        tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }
}
