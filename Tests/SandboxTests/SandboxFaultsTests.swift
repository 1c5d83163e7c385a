import Testing
@testable import Sandbox

@Suite("Fault specifications")
struct SandboxFaultsTests {
    @Test func parsesTheFullForm() throws {
        let faults = try SandboxFaults(parsing: "throttle=7,5xx=11x3,slow=200ms,expire-tokens=50,malformed=500")
        #expect(faults == SandboxFaults(throttleEvery: 7, serverErrorEvery: 11, serverErrorBurst: 3,
                                        slowResponse: .milliseconds(200), expireTokensEvery: 50, malformedOrderEvery: 500))
        #expect(faults.description == "throttle=7,5xx=11x3,slow=200ms,expire-tokens=50,malformed=500")
    }

    @Test func parsesPartialFormsWithDefaults() throws {
        #expect(try SandboxFaults(parsing: "5xx=9") == SandboxFaults(serverErrorEvery: 9, serverErrorBurst: 2))
        #expect(try SandboxFaults(parsing: " slow=1.5s , malformed=1 ") == SandboxFaults(
            slowResponse: .milliseconds(1_500), malformedOrderEvery: 1))
        #expect(try SandboxFaults(parsing: "") == .none)
        #expect(try SandboxFaults(parsing: "none") == .none)
        #expect(SandboxFaults.none.description == "none")
    }

    @Test(arguments: [
        ("throttle=x", "'throttle=x'"),
        ("throttle=1", "'throttle=1'"),
        ("5xx=11x", "'5xx=11x'"),
        ("5xx=1x2x3", "'5xx=1x2x3'"),
        ("slow=200", "'slow=200'"),
        ("slow=fast", "'slow=fast'"),
        ("expire-tokens=", "'expire-tokens='"),
        ("bogus=3", "unknown fault 'bogus'"),
        ("throttle=7,throttle=8", "given twice"),
        ("throttle", "'throttle'"),
        ("throttle=7,,malformed=3", "''"),
    ])
    func rejectsBadPartsNamingThem(text: String, expected: String) {
        #expect {
            _ = try SandboxFaults(parsing: text)
        } throws: { error in
            let message = "\(error)"
            return message.contains(expected) && !message.contains("\n") && message.hasPrefix("faults: ")
        }
    }
}
