import Foundation
import OmnidashCore

/// An asynchronous insights job (Meta's `AdReportRun`): made by `POST /{version}/act_{id}/insights`, polled at
/// `GET /{version}/{report_run_id}`, read at `GET /{version}/{report_run_id}/insights` (ads-apis.md §1.2, SDK
/// adreportrun.py, payloads/ads/facebook_insights_async_job.json).
///
/// The job keeps the insights parameters it was made with, so its rows are the rows the synchronous call gives.
struct ReportRun: Sendable {
    /// Meta's `async_status` strings (Airbyte async_job.py `Status`). A Sandbox job fails only when the request that
    /// made it asked for it (`X-Sandbox-Fault: job-failed`); none is skipped.
    enum Stage: Int, Comparable {
        case notStarted, running, completed, failed

        var status: String {
            switch self {
            case .notStarted: "Job Not Started"
            case .running: "Job Running"
            case .completed: "Job Completed"
            case .failed: "Job Failed"
            }
        }

        var percent: Int64 {
            switch self {
            case .notStarted: 0
            case .running: 50
            case .completed: 100
            case .failed: 50
            }
        }

        static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A 16-digit id like Meta's (`"1234567890123456"` in the payload).
    let id: String
    /// The account's index in the world's ad accounts.
    let account: Int
    /// The insights parameters, percent-encoded, without token, proof and paging.
    let parameters: String
    let since: BusinessDate
    let until: BusinessDate
    let created: Date
    /// Polls of the job so far (`GET /{report_run_id}`).
    var polls = 0
    /// Whether the job ends in "Job Failed" where it would have completed.
    var fails = false

    /// Seconds after which a job advances a stage however rarely it is polled.
    static let stageSeconds: TimeInterval = 5

    /// The job is not started on its first poll, running on its second and completed from its third, or sooner by
    /// time: a client that polls every few seconds, as Airbyte does, sees every status once.
    func stage(now: Date) -> Stage {
        let byPolls = Stage(rawValue: min(max(polls - 1, 0), 2))!
        let byTime = Stage(rawValue: min(Int(now.timeIntervalSince(created) / ReportRun.stageSeconds), 2))!
        let stage = max(byPolls, byTime)
        return fails && stage == .completed ? .failed : stage
    }

    /// When the job completed, fixed by the poll that first saw it completed (or by time, when no poll did).
    var completed: Date?

    /// `time_completed` (Unix seconds), once the job has completed.
    func completedAt(now: Date) -> Int64? {
        guard stage(now: now) == .completed else { return nil }
        let date = completed ?? created.addingTimeInterval(2 * ReportRun.stageSeconds)
        return Int64(date.timeIntervalSince1970)
    }
}
