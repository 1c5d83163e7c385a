import Foundation
import OmnidashCore
import Warehouse

/// Reads Meta's ad-level daily rows for one account, as its two report streams need them (plain insights, and the same
/// broken down by age and gender): synchronously in 7-day windows for the everyday pass, and through asynchronous
/// report jobs in 30-day windows when the pass is longer than `FacebookAds.asyncThresholdDays` (a first sync, a
/// backfill). A job that Meta reports failed or skipped, or that does not finish within the hour Meta allows, is
/// replaced by the synchronous call over the same window.
///
/// A window's cursor says how it is being read: Meta's own `after` cursor in a synchronous window, `job:<id>:<after>`
/// while paging a job's results, `sync:<after>` while paging the synchronous fallback of a job window. Cursors are
/// saved with each page, so a killed sync resumes inside the job it was reading (or starts a new one if Meta has
/// forgotten it).
struct FacebookReportReader: Sendable {
    let accountID: String
    let configuration: FacebookAdsSettings
    let runner: RequestRunner
    let parser: FacebookInsightParser
    let sleep: @Sendable (Duration) async throws -> Void

    /// The first wait between polls of a job; it doubles up to `longestPoll`.
    static let firstPoll = Duration.milliseconds(250)
    static let longestPoll = Duration.seconds(30)
    /// Meta: async jobs "can take up to an hour to complete including retry attempts".
    static let jobDeadline = Duration.seconds(3_600)

    var breakdowns: [String] { parser.byAgeAndGender ? FacebookAds.demographicBreakdowns : [] }

    /// Days per window for `pass`: long passes go through jobs of a month each.
    static func windowLength(of pass: WindowedPass<BusinessDate>) -> Int64 {
        Int64(pass.passStart.distance(to: pass.passEnd)) > FacebookAds.asyncThresholdDays ? FacebookAds.asyncWindowDays
            : Int64(FacebookAds.windowDays)
    }

    /// The kit's windowed loop (plan, fetch, load each page with the state past it), with the window length chosen from
    /// the pass's length instead of fixed.
    func run<Stream: WindowedStream>(_ stream: Stream, _ context: StreamContext) async throws -> StreamSummary
        where Stream.Position == BusinessDate {
        let saved = try await context.savedState(WindowedPass<BusinessDate>.self, of: stream)
        let bounds = stream.bounds(context)
        var pass = stream.policy.plan(saved: saved, since: bounds.since, until: bounds.until, sinceIsExplicit: context.sinceIsExplicit)
        let length = Self.windowLength(of: pass)
        var summary = StreamSummary(windowStart: pass.passStart.label, windowEnd: pass.passEnd.label)
        while !pass.isComplete {
            let windowEnd = pass.windowEnd(length: length)
            let request = WindowRequest(field: nil, start: pass.windowStart, end: windowEnd, cursor: pass.cursor)
            let (page, next) = try await fetchPage(request)
            pass.advance(next: next, windowEnd: windowEnd)
            let mode = length > Int64(FacebookAds.windowDays) ? "job " : ""
            try await context.load(page, into: parser.table, state: pass, of: stream,
                                   position: "\(mode)window \(request.start.label)…\(windowEnd.label)", summary: &summary)
        }
        if saved != pass { try await context.saveState(pass, of: stream) }
        return summary
    }

    func fetchPage(_ request: WindowRequest<BusinessDate>) async throws -> (page: ParsedPage, next: String?) {
        let (since, until) = (request.start, request.end.adding(days: -1))
        guard Int64(since.distance(to: request.end)) > Int64(FacebookAds.windowDays) else {
            return try await synchronousPage(since: since, until: until, after: request.cursor)
        }
        let cursor = request.cursor ?? ""
        if cursor.hasPrefix("sync:") {
            let (page, next) = try await synchronousPage(since: since, until: until, after: String(cursor.dropFirst(5)))
            return (page, next.map { "sync:" + $0 })
        }
        if cursor.hasPrefix("job:") {
            let parts = cursor.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            do {
                return try await jobPage(parts[1], after: parts.count > 2 ? parts[2] : nil)
            } catch let error as ConnectorError where error.kind == .rejected {
                // Meta keeps a job's results for a limited time; a resumed sync that finds it gone starts the window again.
            }
        }
        guard let job = try await finishedJob(since: since, until: until) else {
            let (page, next) = try await synchronousPage(since: since, until: until, after: nil)
            return (page, next.map { "sync:" + $0 })
        }
        return try await jobPage(job, after: nil)
    }

    // MARK: - Synchronous

    private func synchronousPage(since: BusinessDate, until: BusinessDate, after cursor: String?) async throws -> (page: ParsedPage, next: String?) {
        let endpoint = "/\(configuration.apiVersion)/act_\(accountID)/insights"
        let response = try await send(endpoint) { [configuration, accountID, breakdowns] in
            FacebookAds.Requests.insights(baseURL: configuration.baseURL, version: configuration.apiVersion, accountID: accountID,
                                          since: since, until: until, breakdowns: breakdowns, after: cursor,
                                          accessToken: configuration.accessToken, appSecret: configuration.appSecret)
        }
        return try await page(response, endpoint: endpoint)
    }

    // MARK: - Asynchronous

    /// Starts a job for the window and polls it; the job's id once it completed, `nil` when it failed, was skipped or
    /// ran past the deadline.
    private func finishedJob(since: BusinessDate, until: BusinessDate) async throws -> String? {
        let endpoint = "/\(configuration.apiVersion)/act_\(accountID)/insights"
        let started = try await send(endpoint) { [configuration, accountID, breakdowns] in
            FacebookAds.Requests.startReportRun(baseURL: configuration.baseURL, version: configuration.apiVersion, accountID: accountID,
                                                since: since, until: until, breakdowns: breakdowns,
                                                accessToken: configuration.accessToken, appSecret: configuration.appSecret)
        }
        let scanner = JSONScanner([UInt8](started.body))
        guard let idRange = try? scanner.value(at: ["report_run_id"]), let job = scanner.string(idRange) ?? Optional(scanner.text(idRange)),
              !job.isEmpty, job.allSatisfy(\.isNumber) else {
            throw ConnectorError(.invalidResponse, platform: .facebookAds, endpoint: endpoint, message: "report_run_id is missing")
        }
        var waited = Duration.zero
        var wait = Self.firstPoll
        while true {
            let status = try await jobStatus(job)
            switch status.status {
            case "Job Completed" where status.percent >= 100:
                return job
            case "Job Failed", "Job Skipped":
                runner.logger.notice("Meta report job ended without results; reading the window synchronously", metadata: [
                    "job": "\(job)", "status": "\(status.status)", "since": "\(since)", "until": "\(until)",
                ])
                return nil
            default:
                guard waited < Self.jobDeadline else {
                    runner.logger.notice("Meta report job did not finish within an hour; reading the window synchronously",
                                         metadata: ["job": "\(job)"])
                    return nil
                }
                try await sleep(wait)
                waited += wait
                wait = min(wait * 2, Self.longestPoll)
            }
        }
    }

    private func jobStatus(_ job: String) async throws -> (status: String, percent: Int) {
        let endpoint = "/\(configuration.apiVersion)/\(job)"
        let response = try await send(endpoint) { [configuration] in
            FacebookAds.Requests.reportRunStatus(baseURL: configuration.baseURL, version: configuration.apiVersion, reportRunID: job,
                                                 accessToken: configuration.accessToken, appSecret: configuration.appSecret)
        }
        let scanner = JSONScanner([UInt8](response.body))
        guard let statusRange = try? scanner.value(at: ["async_status"]), let status = scanner.string(statusRange) else {
            throw ConnectorError(.invalidResponse, platform: .facebookAds, endpoint: endpoint, message: "async_status is missing")
        }
        let percent = (try? scanner.value(at: ["async_percent_completion"])).flatMap { $0 }.flatMap { Int(scanner.text($0)) } ?? 0
        return (status, percent)
    }

    private func jobPage(_ job: String, after cursor: String?) async throws -> (page: ParsedPage, next: String?) {
        let endpoint = "/\(configuration.apiVersion)/\(job)/insights"
        let response = try await send(endpoint) { [configuration] in
            FacebookAds.Requests.reportRunInsights(baseURL: configuration.baseURL, version: configuration.apiVersion, reportRunID: job,
                                                   after: cursor, accessToken: configuration.accessToken, appSecret: configuration.appSecret)
        }
        let (page, next) = try await page(response, endpoint: endpoint)
        return (page, next.map { "job:\(job):" + $0 })
    }

    // MARK: - Shared

    private func send(_ endpoint: String, build: @escaping @Sendable () -> HTTPRequestValue) async throws -> HTTPResponseValue {
        try await runner.run(endpoint: endpoint, build: build, classify: { FacebookAds.classify($0, endpoint: endpoint) })
    }

    /// The rows of an insights answer and the cursor of the next page; `nil` when `paging.next` is absent (a page can
    /// be empty and still have a next one).
    private func page(_ response: HTTPResponseValue, endpoint: String) async throws -> (page: ParsedPage, next: String?) {
        let scanner = JSONScanner([UInt8](response.body))
        guard let data = try? scanner.value(at: ["data"]), let elements = try? scanner.elements(of: data) else {
            throw ConnectorError(.invalidResponse, platform: .facebookAds, endpoint: endpoint, message: "`data` is missing or not an array")
        }
        var page = ParsedPage()
        for element in elements { page.append(parser.parse(scanner, element)) }
        let next = (try? scanner.value(at: ["paging", "next"])).flatMap { $0 }
        let cursor = (try? scanner.value(at: ["paging", "cursors", "after"])).flatMap { $0 }.flatMap(scanner.string)
        try await pauseIfNearLimit(response.headers)
        return (page, next == nil ? nil : cursor)
    }

    /// Airbyte's practice: slow down before Meta throttles, once usage passes 90 % of any limit.
    private func pauseIfNearLimit(_ headers: [String: String]) async throws {
        guard FacebookAds.utilisation(headers) >= 90 else { return }
        let hint = FacebookAds.usageHint(headers) ?? .seconds(60)
        try await sleep(min(hint, runner.retry.maxDelay))
    }
}
