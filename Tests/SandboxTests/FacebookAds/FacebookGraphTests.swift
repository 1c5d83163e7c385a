import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

/// Graph versions, the "Require App Secret" setting, the insights throttle header, asynchronous report runs and the
/// batch endpoint of the Meta emulator (ads-apis.md §1).
@Suite("Meta Graph emulator")
struct FacebookGraphTests {
    typealias Base = FacebookEmulatorTests

    static func accountURL(_ credentials: FacebookSandboxCredentials, version: String? = nil, proof: String?? = nil)
        -> String
    {
        var parameters = [("fields", "name,currency"), ("access_token", credentials.accessToken)]
        if let proof = proof ?? Base.proof(credentials) { parameters.append(("appsecret_proof", proof)) }
        return credentials.baseURL + "/\(version ?? credentials.apiVersion)/\(credentials.accountIDs[0])?"
            + SandboxTest.query(parameters)
    }

    static func error(_ reply: SandboxTest.Reply) throws -> (code: Int64?, subcode: Int64?, message: String) {
        let error = try reply.json.object("error")
        return (SandboxTest.int64(error["code"]), SandboxTest.int64(error["error_subcode"]), try error.string("message"))
    }

    // MARK: - Versions

    @Test func theVersionsServedFollowMetasMarketingAPIHistory() {
        let names = { (date: String) in GraphVersion.served(on: BusinessDate(date)!).map(\.description) }
        #expect(names("2026-11-14") == ["v27.0", "v26.0", "v25.0"])
        #expect(names("2026-11-09") == ["v27.0", "v26.0", "v25.0", "v24.0"])
        #expect(names("2026-06-01") == ["v25.0", "v24.0", "v23.0"])
        let today = BusinessDate("2026-11-14")!
        #expect(GraphVersion.standing(of: GraphVersion("v24.0")!, on: today) == .retired)
        #expect(GraphVersion.standing(of: GraphVersion("v2.8")!, on: today) == .retired)
        #expect(GraphVersion.standing(of: GraphVersion("v99.0")!, on: today) == .unknown)
        #expect(GraphVersion.standing(of: GraphVersion("v25.5")!, on: today) == .unknown)
    }

    @Test func everyServedVersionAnswersAndOthersGetMetasErrors() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.facebook
            #expect(credentials.apiVersion == "v27.0")
            for version in ["v25.0", "v26.0", "v27.0"] {
                let reply = try await SandboxTest.get(Self.accountURL(credentials, version: version))
                #expect(reply.status == 200, "\(version)")
                #expect(try reply.json["currency"] as? String == "THB")
            }
            let retired = try await SandboxTest.get(Self.accountURL(credentials, version: "v24.0"))
            #expect(retired.status == 400)
            let deprecated = try Self.error(retired)
            #expect(deprecated.code == 2635)
            #expect(deprecated.message == "(#2635) You are calling a deprecated version of the Ads API. "
                + "Please update to the latest version: v27.0.")
            let unknown = try Self.error(try await SandboxTest.get(Self.accountURL(credentials, version: "v99.0")))
            #expect(unknown.code == 2500)
        }
    }

    // MARK: - appsecret_proof

    @Test func aCallWithoutProofIsServedUnlessTheAppRequiresIt() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.facebook
            #expect(try await SandboxTest.get(Self.accountURL(credentials, proof: .some(nil))).status == 200)
            #expect(try await SandboxTest.get(Self.accountURL(credentials)).status == 200)
            let wrong = try await SandboxTest.get(Self.accountURL(credentials, proof: String(repeating: "0", count: 64)))
            #expect(try Self.error(wrong).message == "Invalid appsecret_proof provided in the API argument")
        }
        let faults = try SandboxFaults(parsing: "appsecret-proof=required")
        #expect(faults.requireAppSecretProof && faults.description == "appsecret-proof=required")
        try await SandboxTest.withServer(faults: faults) { server in
            let credentials = server.credentials.facebook
            let missing = try await SandboxTest.get(Self.accountURL(credentials, proof: .some(nil)))
            #expect(missing.status == 400)
            let error = try Self.error(missing)
            #expect(error.code == 100)
            #expect(error.message == "API calls from the server require an appsecret_proof argument")
            #expect(try await SandboxTest.get(Self.accountURL(credentials)).status == 200)
            let upper = try await SandboxTest.get(Self.accountURL(credentials, proof: Base.proof(credentials).uppercased()))
            #expect(try Self.error(upper).message == "Invalid appsecret_proof provided in the API argument")
        }
    }

    // MARK: - Insights throttle header

    @Test func insightsAnswersCarryTheThrottleHeaderOfTheTrackedUsage() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.facebook
            let day = SandboxTest.asOf.adding(days: -1)
            var reply = try await SandboxTest.get(Self.accountURL(credentials))
            #expect(reply.headers["x-fb-ads-insights-throttle"] == nil)
            for _ in 0..<3 {
                reply = try await SandboxTest.get(Base.insightsURL(credentials, account: credentials.accountIDs[0],
                                                                   since: day, until: day))
            }
            let throttleText = try #require(reply.headers["x-fb-ads-insights-throttle"])
            let accountText = try #require(reply.headers["x-ad-account-usage"])
            let throttle = try #require(try JSONSerialization.jsonObject(with: Data(throttleText.utf8)) as? [String: Any])
            let account = try #require(try JSONSerialization.jsonObject(with: Data(accountText.utf8)) as? [String: Any])
            #expect(Set(throttle.keys) == ["app_id_util_pct", "acc_id_util_pct", "ads_api_access_tier"])
            // Four calls to the account so far, at a quarter point each.
            #expect((throttle["acc_id_util_pct"] as? NSNumber)?.doubleValue == 1)
            #expect((throttle["acc_id_util_pct"] as? NSNumber) == (account["acc_id_util_pct"] as? NSNumber))
            #expect(((throttle["app_id_util_pct"] as? NSNumber)?.doubleValue ?? 0) > 0)
            #expect(throttle["ads_api_access_tier"] as? String == "standard_access")
        }
    }

    // MARK: - Asynchronous report runs

    @Test func aReportRunCompletesAndPagesTheSynchronousRows() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.facebook
            let (since, until) = (SandboxTest.asOf.adding(days: -5), SandboxTest.asOf.adding(days: -1))
            let account = credentials.accountIDs[0]
            let syncURL = Base.insightsURL(credentials, account: account, since: since, until: until, limit: 7)
            let synchronous = try await Base.allRows(from: syncURL)

            // The same parameters, POSTed as a form.
            let parts = syncURL.split(separator: "?", maxSplits: 1)
            let made = try await SandboxTest.postForm(String(parts[0]), body: String(parts[1]))
            #expect(made.status == 200)
            let id = try made.json.string("report_run_id")
            #expect(id.count == 16 && id.allSatisfy(\.isNumber))

            let runURL = credentials.baseURL + "/\(credentials.apiVersion)/\(id)?" + SandboxTest.query([
                ("access_token", credentials.accessToken), ("appsecret_proof", Base.proof(credentials)),
            ])
            var statuses: [String] = []
            var last: [String: Any] = [:]
            for _ in 0..<3 {
                last = try await SandboxTest.get(runURL).json
                statuses.append(try last.string("async_status"))
            }
            #expect(statuses == ["Job Not Started", "Job Running", "Job Completed"])
            #expect(SandboxTest.int64(last["async_percent_completion"]) == 100)
            #expect(last["is_running"] as? Bool == false)
            #expect(last["account_id"] as? String == String(account.dropFirst(4)))
            #expect(last["date_start"] as? String == since.description)
            #expect(last["date_stop"] as? String == until.description)
            #expect(SandboxTest.int64(last["time_ref"]) != nil && SandboxTest.int64(last["time_completed"]) != nil)

            let resultsURL = credentials.baseURL + "/\(credentials.apiVersion)/\(id)/insights?" + SandboxTest.query([
                ("access_token", credentials.accessToken), ("appsecret_proof", Base.proof(credentials)), ("limit", "7"),
            ])
            let asynchronous = try await Base.allRows(from: resultsURL)
            #expect(asynchronous.pages == synchronous.pages)
            #expect(asynchronous.rows.count == synchronous.rows.count && !synchronous.rows.isEmpty)
            #expect(asynchronous.rows.map { $0["ad_id"] as? String } == synchronous.rows.map { $0["ad_id"] as? String })
            #expect(asynchronous.rows.map { $0["spend"] as? String } == synchronous.rows.map { $0["spend"] as? String })

            let unknown = try await SandboxTest.get(runURL.replacingOccurrences(of: id, with: "6000000000000000"))
            let error = try Self.error(unknown)
            #expect(unknown.status == 400 && error.code == 100 && error.subcode == 33)
        }
    }

    // MARK: - Batch

    @Test func aBatchAnswersEachRequestAsAlone() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.facebook
            let day = SandboxTest.asOf.adding(days: -1)
            let insights = Base.insightsURL(credentials, account: credentials.accountIDs[1], since: day, until: day)
            let insightsQuery = String(insights.split(separator: "?", maxSplits: 1)[1])
            let made = try await SandboxTest.postForm(
                String(insights.split(separator: "?", maxSplits: 1)[0]), body: insightsQuery)
            let id = try made.json.string("report_run_id")
            let requests: [[String: Any]] = [
                ["method": "GET", "relative_url": "\(credentials.accountIDs[1])?fields=currency"],
                ["method": "GET", "relative_url": id],
                ["method": "GET", "relative_url": "\(credentials.apiVersion)/\(credentials.accountIDs[1])/insights?"
                    + insightsQuery.replacingOccurrences(of: "access_token=", with: "x=")],
                ["method": "GET", "relative_url": "1234/insights"],
            ]
            let batch = String(decoding: try JSONSerialization.data(withJSONObject: requests), as: UTF8.self)
            let reply = try await SandboxTest.postForm(credentials.baseURL + "/\(credentials.apiVersion)/", body: SandboxTest.query([
                ("access_token", credentials.accessToken), ("appsecret_proof", Base.proof(credentials)), ("batch", batch),
            ]))
            #expect(reply.status == 200)
            let answers = try #require(try JSONSerialization.jsonObject(with: reply.body) as? [[String: Any]])
            #expect(answers.map { SandboxTest.int64($0["code"]) } == [200, 200, 200, 400])
            let bodies = try answers.map { answer in
                try #require(try JSONSerialization.jsonObject(with: Data(try answer.string("body").utf8)) as? [String: Any])
            }
            #expect(bodies[0]["currency"] as? String == "USD")
            // The run as polled alone: not started on a first poll, unless the machine is slow enough for time to move it on.
            #expect(bodies[1]["id"] as? String == id)
            #expect(["Job Not Started", "Job Running", "Job Completed"].contains(bodies[1]["async_status"] as? String ?? ""))
            #expect(try bodies[2].array("data").count > 0)
            #expect(SandboxTest.int64(try bodies[3].object("error")["code"]) == 100)
            let headers = try #require(answers[2]["headers"] as? [[String: Any]])
            #expect(headers.contains { $0["name"] as? String == "x-fb-ads-insights-throttle" })

            let tooMany = String(decoding: try JSONSerialization.data(withJSONObject: Array(repeating: requests[0], count: 51)),
                                 as: UTF8.self)
            let refused = try await SandboxTest.postForm(credentials.baseURL + "/\(credentials.apiVersion)/", body: SandboxTest.query([
                ("access_token", credentials.accessToken), ("batch", tooMany),
            ]))
            #expect(refused.status == 400)
            let error = try refused.json.object("error")
            #expect(error["type"] as? String == "GraphBatchException")
            #expect(try error.string("message") == "Too many requests in batch message. Maximum batch size is 50")
        }
    }
}
