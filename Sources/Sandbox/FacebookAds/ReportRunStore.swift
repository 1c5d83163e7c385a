import Foundation
import OmnidashCore

/// The asynchronous insights jobs an emulator has made, by id. Jobs live as long as the server (Meta keeps report
/// runs for about a day; no Sandbox run lasts that long).
final class ReportRunStore: Sendable {
    private let runs = Locked([String: ReportRun]())
    private let count = Locked(0)

    /// The first id; later jobs count up from it.
    static let firstID: Int64 = 6_021_458_300_000_000

    func make(account: Int, parameters: String, since: BusinessDate, until: BusinessDate, now: Date, fails: Bool = false) -> ReportRun {
        let number = count.withLock { count in
            defer { count += 1 }
            return count
        }
        let run = ReportRun(id: String(ReportRunStore.firstID + Int64(number) * 17), account: account,
                            parameters: parameters, since: since, until: until, created: now, fails: fails)
        runs.withLock { $0[run.id] = run }
        return run
    }

    /// The job with `id`.
    func run(_ id: String) -> ReportRun? {
        runs.withLock { $0[id] }
    }

    /// Counts a poll of the job with `id` at `now` and returns it as the poll sees it.
    func poll(_ id: String, now: Date) -> ReportRun? {
        runs.withLock { runs in
            guard var run = runs[id] else { return nil }
            run.polls += 1
            if run.completed == nil, run.stage(now: now) == .completed {
                run.completed = min(now, run.created.addingTimeInterval(2 * ReportRun.stageSeconds))
            }
            runs[id] = run
            return run
        }
    }
}
