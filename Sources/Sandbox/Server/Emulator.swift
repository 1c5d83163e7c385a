import Foundation
import Hummingbird
import OmnidashCore

/// A request as an emulator sees it: the body collected, the query parsed.
struct EmulatorRequest: Sendable {
    let method: HTTPRequest.Method
    let path: String
    let query: QueryParameters
    let headers: HTTPFields
    let body: [UInt8]

    /// The `X-Sandbox-Fault` header, asking for a fault on this request only.
    var faultHeader: String? { headers[.init(FaultInjector.headerName)!] }
}

/// What every emulator is built from: the world it serves, the faults to inject, the server clock and the seed its
/// secrets derive from. `serverURL` is known once the server listens.
struct EmulatorContext: Sendable {
    let world: SandboxWorld
    let faults: FaultInjector
    let clock: @Sendable () -> Date
    let seed: UInt64
    let serverURL: Locked<String>
}

/// One platform API, written from the platform's documentation and never from Omnidash's connector, so that a
/// misreading of the API cannot hide in both. Each lives in its platform's folder and is registered once in
/// `EmulatorRegistry`; the server routes to the first emulator that serves a request's path.
protocol Emulator: Sendable {
    /// The type of this platform's entry in `/_sandbox/credentials`.
    static var credentialsType: any PlatformCredentials.Type { get }

    /// The brand's shops on this platform, if it is a marketplace; the world sells through them.
    static var shops: [SandboxShop] { get }

    /// The brand's ad accounts this platform serves, if it sells advertising; the world delivers their ads.
    static var adAccounts: [SandboxAdAccount] { get }

    init(_ context: EmulatorContext)

    /// Whether `path` is one of this platform's paths.
    func serves(path: String) -> Bool

    func respond(to request: EmulatorRequest) async -> Response

    /// What a client needs to reach this emulator, as `/_sandbox/credentials` publishes it.
    func credentials(serverURL: String) -> any PlatformCredentials
}

extension Emulator {
    static var shops: [SandboxShop] { [] }
    static var adAccounts: [SandboxAdAccount] { [] }
}
