import Foundation

/// `schedule`: the timetable `omnidash run` keeps, as cron expressions in `time_zone` (the seed's by default).
///
/// ```yaml
/// schedule:
///   time_zone: Asia/Bangkok
///   jobs:
///     orders: "0 */6 * * *"     # marketplace orders, returns and settlements
///     ads: "0 */6 * * *"        # ad platforms, analytics and exchange rates
///     products: "0 6 * * *"
///     alerts: "0 7 * * *"       # marts are rebuilt, and alerts evaluated, after every sync job
/// ```
/// A job set to `off` does not run.
public struct ScheduleSettings: Sendable, Codable, Equatable {
    /// One planned run of a job: what the Operations page lists as the next runs.
    public struct PlannedRun: Sendable, Equatable {
        public var job: String
        public var at: Date

        public init(job: String, at: Date) {
            self.job = job
            self.at = at
        }
    }

    /// `time_zone`: IANA name the cron expressions are read in. Default `Asia/Bangkok`.
    public var timeZone: String
    /// `jobs.<name>`: each timed job's cron expression, or `off`.
    public var jobs: [ScheduleJob: String]

    public init(timeZone: String = "Asia/Bangkok", jobs: [ScheduleJob: String] = ScheduleSettings.defaultJobs) {
        self.timeZone = timeZone
        self.jobs = jobs
    }

    public static var defaultJobs: [ScheduleJob: String] {
        Dictionary(uniqueKeysWithValues: ScheduleJob.timed.compactMap { job in job.defaultCron.map { (job, $0) } })
    }

    enum CodingKeys: String, CodingKey {
        case timeZone = "time_zone", jobs
    }


    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        timeZone = try c.decodeIfPresent(String.self, forKey: .timeZone) ?? "Asia/Bangkok"
        jobs = Self.defaultJobs
        if c.contains(.jobs) {
            let section = try c.nestedContainer(keyedBy: NamedCodingKey.self, forKey: .jobs)
            for job in ScheduleJob.timed {
                if let cron = try section.decodeIfPresent(String.self, forKey: NamedCodingKey(stringValue: job.rawValue)) { jobs[job] = cron }
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(timeZone, forKey: .timeZone)
        var section = c.nestedContainer(keyedBy: NamedCodingKey.self, forKey: .jobs)
        for job in ScheduleJob.timed { try section.encode(jobs[job] ?? "off", forKey: NamedCodingKey(stringValue: job.rawValue)) }
    }

    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(identifier: "Asia/Bangkok")! }

    /// The cron expression of each job that runs, in job order; jobs that are `off` or do not parse are left out.
    public var crons: [(job: ScheduleJob, cron: CronExpression)] {
        ScheduleJob.timed.compactMap { job in
            guard let text = jobs[job], text.lowercased() != "off", let cron = try? CronExpression(text) else { return nil }
            return (job, cron)
        }
    }

    public func problems(at path: String) -> [String] {
        var problems: [String] = []
        if TimeZone(identifier: timeZone) == nil {
            problems.append("\(path).time_zone: '\(timeZone)' is not an IANA time zone (such as Asia/Bangkok)")
        }
        for job in ScheduleJob.timed {
            guard let text = jobs[job], text.lowercased() != "off" else { continue }
            do {
                _ = try CronExpression(text)
            } catch {
                problems.append("\(path).jobs.\(job.rawValue): \(error)")
            }
        }
        return problems
    }

    /// The next `limit` runs after `date`, earliest first; jobs due at the same instant in job order.
    public func nextRuns(after date: Date, limit: Int) -> [PlannedRun] {
        guard limit > 0 else { return [] }
        let zone = self.zone
        var upcoming = crons.compactMap { entry in entry.cron.next(after: date, in: zone).map { (entry.job, entry.cron, $0) } }
        var runs: [PlannedRun] = []
        while runs.count < limit, let earliest = upcoming.indices.min(by: { (upcoming[$0].2, upcoming[$0].0) < (upcoming[$1].2, upcoming[$1].0) }) {
            let (job, cron, at) = upcoming[earliest]
            runs.append(PlannedRun(job: job.rawValue, at: at))
            if let following = cron.next(after: at, in: zone) {
                upcoming[earliest].2 = following
            } else {
                upcoming.remove(at: earliest)
            }
        }
        return runs
    }
}
