import Dashboard
import Foundation
import OmnidashTestSupport
import Testing
import Warehouse

/// `omnidash user add|passwd|list|remove` through the real binary, against both warehouse engines.
@Suite("omnidash user")
struct UserCommandTests {
    @Test(arguments: WarehouseEngine.allCases)
    func addChangeListAndRemoveUsers(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            let common = ["--warehouse", fixture.location, "--password-cost", "4"]
            let added = try await OmnidashBinary.run(["user", "add", "ann", "--role", "viewer", "--password-stdin"] + common,
                                                     input: "first-password\n")
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stderr.contains("added ann (viewer)"))
            let again = try await OmnidashBinary.run(["user", "add", "ann", "--role", "admin", "--password-stdin"] + common,
                                                     input: "other-password\n")
            #expect(again.status != 0)
            #expect(again.stderr.contains("user 'ann' already exists"), "\(again.stderr)")
            let short = try await OmnidashBinary.run(["user", "add", "bob", "--role", "admin", "--password-stdin"] + common,
                                                     input: "short\n")
            #expect(short.status != 0)
            #expect(short.stderr.contains("at least 8 characters"), "\(short.stderr)")
            let badRole = try await OmnidashBinary.run(["user", "add", "bob", "--role", "owner", "--password-stdin"] + common,
                                                       input: "long-enough\n")
            #expect(badRole.status != 0)

            // The stored hash is bcrypt, never the password, and the password signs in.
            let hash = try await fixture.warehouse.scalar("SELECT password_hash FROM users WHERE user_name = 'ann'").string ?? ""
            #expect(hash.hasPrefix("$2") && !hash.contains("first-password"))
            let accounts = TestSignIn.accounts(fixture.warehouse)
            let signedIn = try await accounts.signIn(name: "ann", password: "first-password", address: nil, now: Date())
            guard case .signedIn(let session) = signedIn else { Issue.record("ann cannot sign in: \(signedIn)"); return }
            #expect(session.user.role == .viewer)
            let stored = try await fixture.warehouse.scalar("SELECT token_hash FROM user_sessions").string
            #expect(stored != nil && stored != session.token, "the session is stored as a hash of its token")

            let changed = try await OmnidashBinary.run(["user", "passwd", "ann", "--password-stdin"] + common, input: "second-password\n")
            #expect(changed.status == 0, "\(changed.stderr)")
            #expect(try await accounts.session(token: session.token, now: Date()) == nil, "a new password ends the sessions")
            let old = try await accounts.signIn(name: "ann", password: "first-password", address: nil, now: Date())
            #expect(old == .refused)
            let unknown = try await OmnidashBinary.run(["user", "passwd", "nobody", "--password-stdin"] + common, input: "whatever-pass\n")
            #expect(unknown.stderr.contains("user 'nobody' does not exist"), "\(unknown.stderr)")

            _ = try await OmnidashBinary.run(["user", "add", "zed", "--role", "admin", "--password-stdin"] + common, input: "zed-password\n")
            let listed = try await OmnidashBinary.run(["user", "list"] + common)
            #expect(listed.status == 0)
            let rows = listed.stdout.split(separator: "\n").map { $0.split(separator: "\t").prefix(2).joined(separator: " ") }
            #expect(rows == ["ann viewer", "zed admin"], "\(listed.stdout)")

            let removed = try await OmnidashBinary.run(["user", "remove", "ann"] + common)
            #expect(removed.status == 0, "\(removed.stderr)")
            let after = try await OmnidashBinary.run(["user", "list"] + common)
            #expect(!after.stdout.contains("ann"))
        }
    }
}
