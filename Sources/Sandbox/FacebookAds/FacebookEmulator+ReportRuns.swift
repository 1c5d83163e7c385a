import Hummingbird
import OmnidashCore

/// Asynchronous insights jobs (ads-apis.md §1.2 "Asynchronous"; SDK adaccount.py `get_insights_async`,
/// adreportrun.py; Airbyte async_job.py): a `POST` of the synchronous call's parameters makes a job, polls of the job
/// move it to "Job Completed", and its `/insights` edge pages the same rows the synchronous call gives.
extension FacebookEmulator {
    /// Parameters a job does not keep: the token, the proof and the paging of whoever reads it.
    static let requestOnlyParameters: Set<String> = ["access_token", "appsecret_proof", "limit", "after", "before"]

    /// The `AdReportRun` fields the emulator knows (SDK `AdReportRun.Field`, the ones ads-apis.md §1.2 lists).
    static let reportRunFields: Set<String> = [
        "id", "account_id", "async_status", "async_percent_completion", "date_start", "date_stop", "time_ref",
        "time_completed", "is_running", "error_code", "error_message", "error_subcode",
    ]

    /// The `X-Sandbox-Fault` value that makes the job a `POST` creates end in "Job Failed".
    static let failedJobFault = "job-failed"

    /// `POST /{version}/act_{id}/insights` → `{"report_run_id":"…"}`. The parameters are checked as the synchronous
    /// call checks them, so a bad request fails now rather than as a failed job.
    func makeReportRun(_ account: Int, query: QueryParameters, faultHeader: String?) throws -> Response {
        let request = try InsightsRequest(query: query, asOf: world.asOf)
        let kept = query.pairs.filter { !FacebookEmulator.requestOnlyParameters.contains($0.name) }
        let parameters = kept.map { QueryParameters.encode($0.name) + "=" + QueryParameters.encode($0.value) }
            .joined(separator: "&")
        let fails = FaultInjector.parseHeader(faultHeader).contains(FacebookEmulator.failedJobFault)
        let run = reportRuns.make(account: account, parameters: parameters, since: request.since, until: request.until,
                                  now: clock(), fails: fails)
        return HTTPReply.json(.ok, .object([("report_run_id", .string(run.id))]))
    }

    /// `GET /{version}/{report_run_id}`: every known field when `fields` is absent (Airbyte reads the job with a bare
    /// `api_get()`), otherwise `id` plus the requested ones. `time_completed` is left out until the job completes
    /// (UNVERIFIED: Meta may send 0 instead).
    func reportRun(_ id: String, query: QueryParameters) throws -> Response {
        let now = clock()
        guard let run = reportRuns.poll(id, now: now) else { throw GraphError.unsupportedGet(objectID: id) }
        let requested = (query["fields"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if let unknown = requested.first(where: { !FacebookEmulator.reportRunFields.contains($0) }) {
            throw GraphError.invalidParameter("Tried accessing nonexisting field (\(unknown)) on node type (AdReportRun)")
        }
        let wanted = requested.isEmpty ? FacebookEmulator.reportRunFields : Set(requested).union(["id"])
        let stage = run.stage(now: now)
        var members: [(String, JSONValue)] = []
        func add(_ name: String, _ value: @autoclosure () -> JSONValue?) {
            if wanted.contains(name), let value = value() { members.append((name, value)) }
        }
        add("id", .string(run.id))
        add("account_id", .string(world.adAccounts[run.account].id))
        add("time_ref", .int(Int64(run.created.timeIntervalSince1970)))
        add("time_completed", run.completedAt(now: now).map { .int($0) })
        add("async_status", .string(stage.status))
        add("async_percent_completion", .int(stage.percent))
        add("date_start", .string(run.since.description))
        add("date_stop", .string(run.until.description))
        add("is_running", .bool(stage < .completed))
        // The code and message Meta's error-code page gives an async report that failed (-2, subcode 2490547).
        add("error_code", stage == .failed ? .int(-2) : nil)
        add("error_subcode", stage == .failed ? .int(2_490_547) : nil)
        add("error_message", stage == .failed ? .string("Async report failed. Please try again later.") : nil)
        return HTTPReply.json(.ok, .object(members))
    }

    /// `GET /{version}/{report_run_id}/insights?limit=N`: the job's parameters with this request's token and paging,
    /// answered as the synchronous call; `paging.next` stays on the job's edge.
    func reportRunInsights(_ run: ReportRun, path: String, query: QueryParameters) throws -> Response {
        if run.stage(now: clock()) == .failed {
            // UNVERIFIED: what Meta answers for the results of a failed job; the Sandbox refuses them as unusable.
            throw GraphError(message: "(#100) The report run \(run.id) failed and has no results", code: 100)
        }
        var merged = QueryParameters(run.parameters)
        for name in FacebookEmulator.requestOnlyParameters.sorted() {
            if let value = query[name] { merged = QueryParameters(merged.replacing(name, with: value)) }
        }
        return try insights(run.account, path: path, query: merged)
    }
}
