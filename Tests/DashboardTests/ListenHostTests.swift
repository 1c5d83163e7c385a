@testable import Dashboard
import Testing

@Suite("ListenHost")
struct ListenHostTests {
    @Test(arguments: ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "localhost.", "::1", "[::1]",
                      "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"])
    func loopbackNeedsNoWarning(host: String) {
        #expect(ListenHost.isLoopback(host))
        #expect(ListenHost.exposureWarning(host: host) == nil)
    }

    @Test(arguments: ["0.0.0.0", "::", "[::]", "192.168.1.20", "10.0.0.1", "fe80::1", "::ffff:10.0.0.1", "::2",
                      "dashboard.example.com", "localhost.example.com", "128.0.0.1", "127.0.0.256", ""])
    func anythingElseIsReachableFromElsewhere(host: String) {
        #expect(!ListenHost.isLoopback(host))
    }

    @Test func theWarningIsOneLineNamingTheAddressAndTheMissingSignIn() throws {
        let warning = try #require(ListenHost.exposureWarning(host: "0.0.0.0"))
        #expect(!warning.contains("\n"))
        #expect(warning.contains("0.0.0.0"))
        #expect(warning.contains("plain HTTP"))
        #expect(warning.contains("passwords and session cookies cross the network unencrypted"))
    }
}
