import Foundation
@testable import omnidash
import OmnidashCore
import Testing

/// What a person sees when `omnidash.yaml` is wrong: every problem with the file, the line and the key.
@Suite("Configuration file errors")
struct ConfigurationFileTests {
    /// Writes `text` as a configuration file, loads it as `sync` would (with the given environment) and returns
    /// the one-line error, or `nil` when it loaded.
    func problems(_ text: String, environment: [String: String] = [:]) throws -> String? {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("omnidash-config-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let options = try GlobalOptions.parse(["--config", path])
        do {
            _ = try ConfigurationLoader.load(options, environment: environment)
            return nil
        } catch {
            return "\(error)".replacingOccurrences(of: path, with: "omnidash.yaml")
        }
    }

    @Test func anUnknownKeyIsNamedWithItsLineAndTheNearestKnownKey() throws {
        let error = try #require(try problems("""
            timezone: Asia/Bangkok
            currncy_typo: THB
            dashboard:
              hots: 0.0.0.0
              port: 8080
            """))
        #expect(error.contains("omnidash.yaml:2: currncy_typo: unknown key; did you mean currency?"), "\(error)")
        #expect(error.contains("omnidash.yaml:4: dashboard.hots: unknown key; did you mean host?"), "\(error)")
    }

    @Test func anUnknownKeyInsideASourceListIsFoundToo() throws {
        let error = try #require(try problems("""
            sources:
              shopee:
                partner_id: 1
                partner_key: k
                shops:
                  - shop_id: 2
                    refesh_token: r
            """))
        #expect(error.contains("omnidash.yaml:7: sources.shopee.shops[].refesh_token: unknown key; did you mean refresh_token?"), "\(error)")
    }

    @Test func aWrongTypeNamesTheLineTheKeyAndWhatWasFound() throws {
        let error = try #require(try problems("""
            dashboard:
              port: "abc"
            """))
        #expect(error == #"configuration: omnidash.yaml:2: dashboard.port: expected a whole number, found "abc""#, "\(error)")
    }

    @Test func valuesOutOfRangeNameTheirLines() throws {
        let error = try #require(try problems("""
            timezone: Asia/Bangkk
            dashboard:
              port: 99999
            sync:
              days: -5
            """))
        #expect(error.contains("omnidash.yaml:1: timezone: 'Asia/Bangkk' is not an IANA time zone; did you mean Asia/Bangkok?"), "\(error)")
        #expect(error.contains("omnidash.yaml:3: dashboard.port: 99999 is not a TCP port"), "\(error)")
        #expect(error.contains("omnidash.yaml:5: sync.days: -5 is not a number of days"), "\(error)")
        #expect(!error.contains("\n"), "one line")
    }

    @Test func aFileThatIsNotThereOrIsADirectorySaysSo() throws {
        let missing = try GlobalOptions.parse(["--config", "/nonexistent/omnidash.yaml"])
        #expect(throws: ConfigurationError("/nonexistent/omnidash.yaml: no such file")) { try ConfigurationLoader.load(missing) }
        let options = try GlobalOptions.parse(["--config", FileManager.default.temporaryDirectory.path])
        #expect(throws: ConfigurationError("\(FileManager.default.temporaryDirectory.path): is a directory, not a file")) {
            try ConfigurationLoader.load(options)
        }
    }

    @Test func aCompleteFileStillLoads() throws {
        let error = try problems("""
            timezone: Asia/Bangkok
            currency: THB
            secrets: { pii_key: "${PII}", token_key: "0123456789abcdef" }
            sources:
              shopee:
                partner_id: 1
                partner_key: k
                shops: [{ shop_id: 2, refresh_token: r }]
                rate_limit: { requests: 60, per_seconds: 60 }
              facebook:
                access_token: t
                accounts: ["act_1"]
            dashboard: { host: 127.0.0.1, port: 8080 }
            sync: { days: 30 }
            """, environment: ["PII": "0123456789abcdef"])
        #expect(error == nil)
    }
}
