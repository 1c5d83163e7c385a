import Foundation
import OmnidashTestSupport
import Testing
import Warehouse

/// A PostgreSQL warehouse that cannot be reached fails within seconds, saying why in words a person can act on,
/// with the host, port, database and user.
@Suite("PostgreSQL connection errors")
struct PostgresReachabilityTests {
    /// Opens `url` and returns the error's text and how long the attempt took.
    func failure(_ url: String) async -> (message: String, seconds: Double) {
        let start = ContinuousClock.now
        do {
            let warehouse = try await WarehouseLocation(parsing: url).open()
            await warehouse.close()
            return ("opened", 0)
        } catch {
            let elapsed = ContinuousClock.now - start
            return ("\(error)", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
    }

    @Test func aClosedPortIsConnectionRefused() async {
        let result = await failure("postgres://seller@127.0.0.1:1/shopdata")
        #expect(result.message == "warehouse: cannot connect to PostgreSQL at 127.0.0.1:1, database shopdata, user seller: "
            + "connection refused (is PostgreSQL running and listening on port 1?)", "\(result.message)")
        #expect(result.seconds < 30, "it gave up after \(result.seconds) s")
    }

    @Test func anUnknownHostIsNamed() async {
        let result = await failure("postgres://seller@no-such-host.invalid:5432/shopdata")
        #expect(result.message.hasSuffix("unknown host no-such-host.invalid"), "\(result.message)")
    }

    @Test func aMissingDatabaseAndAWrongPasswordAreNamed() async throws {
        let base = try TestWarehouse.postgresBaseURL()
        let server = try #require(URLComponents(string: base))
        let host = "\(server.host ?? "127.0.0.1"):\(server.port ?? 5432)"
        let missing = await failure("postgres://\(server.user ?? "omnidash")@\(host)/no_such_database")
        #expect(missing.message.hasSuffix("database no_such_database does not exist (create it with `createdb no_such_database`)"),
                "\(missing.message)")
        // scripts/with-postgres creates this role with a password.
        let refused = await failure("postgres://omnidash_password:wrong-password@\(host)/\(server.path.dropFirst())")
        #expect(refused.message.hasSuffix("authentication failed for user omnidash_password (check the password in the URL)"),
                "\(refused.message)")
        #expect(!refused.message.contains("wrong-password"), "the password is never printed")
    }
}
