import Alerts
import ArgumentParser
import Connectors
import Foundation
import OmnidashCore
import Pipeline
import Warehouse

/// `omnidash alerts …`: evaluate the rules now, list the alerts, acknowledge one.
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Evaluate the alert rules now and deliver what is new; list and acknowledge alerts.",
        subcommands: [Evaluate.self, List.self, Acknowledge.self],
        defaultSubcommand: Evaluate.self)

    /// `omnidash alerts [--no-deliver]`.
    struct Evaluate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evaluate",
            abstract: "Judge the marts against the rules; record and deliver the alerts that are new or got worse.")

        @OptionGroup var global: GlobalOptions

        @Flag(name: .customLong("no-deliver"), help: "Record the alerts without sending them.")
        var noDeliver = false

        func run() async throws {
            let configuration = try ConfigurationLoader.load(global, unused: [.secrets, .fx])
            try configuration.validate(requiringSources: false)
            try await Runtime.withHTTPClient { client in
                try await Runtime.withWarehouse(configuration) { warehouse in
                    let pipeline = Pipeline(configuration: configuration, warehouse: warehouse,
                                            environment: SyncEnvironment(transport: AsyncHTTPClientTransport(client: client),
                                                                         logger: Runtime.logger("alerts")),
                                            logger: Runtime.logger("alerts"))
                    AlertsCommand.announce(try await pipeline.evaluateAlerts(deliver: !noDeliver), delivered: !noDeliver)
                }
            }
        }
    }

    /// `omnidash alerts list [--open] [--json]`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the stored alerts, the latest business date first.")

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Only alerts nobody has acknowledged.")
        var open = false

        @Flag(help: "Print JSON (an array, one object per alert) instead of lines.")
        var json = false

        func run() async throws {
            let configuration = try ConfigurationLoader.load(global, unused: [.secrets, .sources, .fx])
            try await Runtime.withWarehouse(configuration) { warehouse in
                let alerts = try await AlertStore(warehouse: warehouse).list(AlertFilter(status: open ? .open : nil))
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    encoder.dateEncodingStrategy = .iso8601
                    Terminal.print(String(decoding: try encoder.encode(alerts.map(Listed.init)), as: UTF8.self))
                    return
                }
                guard !alerts.isEmpty else {
                    Terminal.note(open ? "alerts: none open" : "alerts: none recorded")
                    return
                }
                for stored in alerts {
                    let alert = stored.alert
                    let status = stored.acknowledgedBy.map { "acknowledged by \($0)" } ?? (stored.isAcknowledged ? "acknowledged" : "open")
                    let flags = (alert.provisional ? " provisional" : "") + (alert.raisedCount > 1 ? " raised ×\(alert.raisedCount)" : "")
                    Terminal.print("\(alert.id)\t\(alert.businessDate?.description ?? "-")\t\(alert.severity.rawValue)\t\(status)\(flags)\t\(alert.title)")
                }
            }
        }

        /// One alert in `--json`: the alert and what people did with it.
        struct Listed: Encodable {
            var alert: RaisedAlert
            var generatedAt: Date
            var lastRaisedAt: Date
            var acknowledged: Bool
            var acknowledgedAt: Date?
            var acknowledgedBy: String?
            var snoozedUntil: Date?

            init(_ stored: StoredAlert) {
                alert = stored.alert
                generatedAt = stored.generatedAt
                lastRaisedAt = stored.lastRaisedAt
                acknowledged = stored.isAcknowledged
                acknowledgedAt = stored.acknowledgedAt
                acknowledgedBy = stored.acknowledgedBy
                snoozedUntil = stored.snoozedUntil
            }

            enum CodingKeys: String, CodingKey {
                case alert, generatedAt = "generated_at", lastRaisedAt = "last_raised_at", acknowledged,
                     acknowledgedAt = "acknowledged_at", acknowledgedBy = "acknowledged_by", snoozedUntil = "snoozed_until"
            }
        }
    }

    /// `omnidash alerts ack ID [--by NAME]`.
    struct Acknowledge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ack", abstract: "Acknowledge an alert: it stays acknowledged when evaluated again.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The alert's id, as `omnidash alerts list` prints it.")
        var id: String

        @Option(help: "Who acknowledges it (default: the login name).")
        var by: String?

        func run() async throws {
            let configuration = try ConfigurationLoader.load(global, unused: [.secrets, .sources, .fx])
            let person = by ?? ProcessInfo.processInfo.environment["USER"] ?? "cli"
            try await Runtime.withWarehouse(configuration) { warehouse in
                guard try await AlertStore(warehouse: warehouse).acknowledge(id, by: person, at: Date()) else {
                    throw CommandFailure("alerts ack: no alert has the id '\(id)'; `omnidash alerts list` shows them")
                }
                Terminal.note("alerts: \(id) acknowledged by \(person)")
            }
        }
    }

    /// What an evaluation raised, one line each.
    static func announce(_ raised: [RaisedAlert], delivered: Bool = true) {
        guard !raised.isEmpty else {
            Terminal.note("alerts: nothing new")
            return
        }
        Terminal.note("alerts: \(raised.count) raised\(delivered ? " and handed to delivery" : " (not delivered)")")
        for alert in raised {
            Terminal.print("  \(alert.severity.rawValue)\t\(alert.id)\t\(alert.title)\(alert.provisional ? " (provisional)" : "")")
        }
    }
}
