import ArgumentParser
import Foundation
import OmnidashCore

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a commented omnidash.yaml to start from.")

    @Option(help: "Where to write it.")
    var output = ConfigurationLoader.defaultPath

    @Flag(help: "Overwrite an existing file.")
    var force = false

    func run() async throws {
        if FileManager.default.fileExists(atPath: output), !force {
            throw CommandFailure("init: \(output) already exists; use --force to overwrite it")
        }
        do {
            try Self.template.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure("init: cannot write \(output): \(error.localizedDescription)")
        }
        Terminal.note("init: wrote \(output); set the environment variables it names, then run `omnidash sync --transform`")
    }

    /// Secrets appear only as `${ENV}` references: the file can be committed, the values cannot leak through it.
    static var template: String { """
        # Omnidash configuration. Secrets are never written here: `${NAME}` is read from the environment.

        # Business dates (order_date, ads date) are days in this IANA time zone.
        timezone: Asia/Bangkok
        # Every amount is converted to this currency at the rate of its business date.
        currency: THB
        # A file path, sqlite:PATH, or postgres://user@host:5432/marketing?schema=prod_marketing
        # (a PostgreSQL password belongs in the environment: warehouse: ${OMNIDASH_WAREHOUSE_URL}).
        warehouse: omnidash.sqlite

        secrets:
          # HMAC key for buyer names, e-mails, phones and addresses (16+ characters). Changing it changes every hash.
          pii_key: ${OMNIDASH_PII_KEY}
          # Encrypts the OAuth tokens Omnidash stores in the warehouse (16+ characters).
          token_key: ${OMNIDASH_TOKEN_KEY}

        sources:
        \(Platform.supported.compactMap { $0.settingsType?.initTemplate }.joined(separator: "\n"))
        # Daily exchange rates into `currency`: GET url?from=YYYY-MM-DD&to=YYYY-MM-DD answering
        # {"base": "THB", "rates": [{"date": "2026-11-01", "currency": "USD", "rate": "35.1234"}]}.
        # fx:
        #   url: https://rates.example.com/thb

        dashboard:
          host: 127.0.0.1
          port: 8080

        sync:
          # How far back the first sync of a stream reaches.
          days: 90

        # The timetable `omnidash run` keeps: cron expressions (minute hour day-of-month month day-of-week) in
        # time_zone. These are the defaults (the seed's timetable). After every sync job the marts are rebuilt and the
        # alerts evaluated; a job set to off does not run. After downtime each job that missed slots runs once.
        # schedule:
        #   time_zone: Asia/Bangkok
        #   jobs:
        #     orders: "\(ScheduleJob.orders.defaultCron ?? "off")"      # marketplace orders, returns, settlements
        #     ads: "\(ScheduleJob.ads.defaultCron ?? "off")"         # ad platforms, analytics, exchange rates, marketplace ads
        #     products: "\(ScheduleJob.products.defaultCron ?? "off")"      # marketplace catalogues
        #     alerts: "\(ScheduleJob.alerts.defaultCron ?? "off")"

        # A campaign is poor below min_roas or above max_cpa, good at or above roas and at or under cpa (in `currency`).
        targets:
          roas: 3
          min_roas: 2
          cpa: 300
          max_cpa: 500

        # Where alerts are delivered, and in which language.
        \(NotificationSettings.initTemplate)
        """ }
}
