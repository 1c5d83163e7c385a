import ArgumentParser
import Connectors
import Foundation
import OmnidashCore
import Pipeline

struct Sync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Pull what changed from every configured source into the raw layer.",
        discussion: """
            The first sync of a stream reaches back `sync.days` (default 90) days; later ones continue from where the \
            last one stopped (Meta insights re-fetch the last 28 days, which Meta restates). A killed sync resumes at \
            the next page. Malformed records go to raw_rejects and the sync goes on.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("source"), help: ArgumentHelp("Only this source; repeatable.", valueName: Sync.sourceNames))
    var sources: [String] = []

    /// `platform|…|fx`: the sources Omnidash can sync, for help and errors.
    static var sourceNames: String { (Platform.supported.map(\.rawValue) + [SyncSource.fx.rawValue]).joined(separator: "|") }

    @Option(help: "Fetch again from this business date (YYYY-MM-DD), even if already synced.")
    var since: BusinessDate?

    @Option(help: "Fetch up to the end of this business date instead of now.")
    var until: BusinessDate?

    @Option(help: "How far back a stream's first sync reaches (default: sync.days from the configuration).")
    var days: Int?

    @Flag(help: "Run `omnidash transform` afterwards.")
    var transform = false

    func validate() throws {
        if let unknown = sources.first(where: { SyncSource(rawValue: $0).map { $0.platform?.settingsType == nil && $0 != .fx } ?? true }) {
            throw ValidationError("--source: '\(unknown)' is not a source Omnidash syncs; use \(Self.sourceNames)")
        }
        if let since, let until, until < since { throw ValidationError("--until \(until) is before --since \(since)") }
        if let days, days < 1 { throw ValidationError("--days must be at least 1") }
    }

    func run() async throws {
        let configuration = try ConfigurationLoader.load(global)
        try configuration.validate(requiringSources: true)
        try await Runtime.withHTTPClient { client in
            try await Runtime.withWarehouse(configuration) { warehouse in
                let report = try await Self.run(configuration: configuration, warehouse: warehouse,
                                                transport: AsyncHTTPClientTransport(client: client), options: options(configuration),
                                                transform: transform).sync
                guard report.succeeded else {
                    throw CommandFailure("sync: \(report.failures.count) of \(report.outcomes.count) streams failed; first: \(report.failures[0].error ?? "")")
                }
            }
        }
    }

    func options(_ configuration: OmnidashConfiguration) -> SyncOptions {
        let calendar = configuration.calendar
        return SyncOptions(
            sources: sources.isEmpty ? nil : Set(sources.compactMap(SyncSource.init(rawValue:))), days: days ?? configuration.sync.days,
            since: since.map { Date(timeIntervalSince1970: TimeInterval(calendar.startOfDay($0))) },
            until: until.map { Date(timeIntervalSince1970: TimeInterval(calendar.startOfDay($0.adding(days: 1)))) })
    }

    /// `sync 2026…: 42,346 rows stored from 8 streams (42,347 records fetched); 2 records rejected; 976 retries …`.
    /// The headline is what the warehouse holds now, not what crossed the wire.
    static func summary(_ report: SyncReport) -> String {
        var text = "sync \(report.runID): \(Terminal.count(Int(report.stored))) rows added or changed from \(report.outcomes.count) streams"
        if report.stored != Int64(report.records) {
            text += " (\(Terminal.count(report.records)) records fetched; the rest were already stored or came twice)"
        }
        if report.rejects > 0 { text += "; \(Terminal.count(report.rejects)) records rejected (see raw_rejects)" }
        if let retries = SyncProgressPrinter.retries(report.requests) { text += "; \(retries)" }
        if !report.interrupted.isEmpty {
            text += "; marked \(report.interrupted.count) earlier run\(report.interrupted.count == 1 ? "" : "s") interrupted (\(report.interrupted.joined(separator: ", ")))"
        }
        return text
    }

    /// Runs the pipeline (a sync, then a transform when asked) with progress on the terminal and a summary at the end.
    static func run(configuration: OmnidashConfiguration, warehouse: any Warehouse, transport: any HTTPTransport,
                    options: SyncOptions, transform: Bool, retry: RetryPolicy = RetryPolicy()) async throws -> Pipeline.Outcome {
        let printer = SyncProgressPrinter()
        let pipeline = Pipeline(configuration: configuration, warehouse: warehouse,
                                environment: SyncEnvironment(transport: transport, retry: retry, logger: Runtime.logger("sync")),
                                logger: Runtime.logger("transform"))
        let outcome = try await pipeline.run(options, transform: transform) { stage in
            switch stage {
            case .syncing(let progress): printer.handle(progress)
            case .transforming: Terminal.progress("transform: building staging and marts…")
            }
        }
        let report = outcome.sync
        Terminal.note(summary(report))
        if let transformed = outcome.transform {
            Transform.announce(transformed)
            AlertsCommand.announce(outcome.raisedAlerts)
        }
        return outcome
    }
}

import Warehouse
