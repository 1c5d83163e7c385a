/// What one `omnidash import airbyte` run read and did, for the command's summary and the tests.
public struct AirbyteImportSummary: Sendable, Equatable {
    /// Lines read (blank lines aside).
    public var lines = 0
    /// `RECORD` messages read, of any stream.
    public var records = 0
    /// Rows loaded, by raw table.
    public var rows: [String: Int] = [:]
    /// Lines and records put in `raw_rejects` (bad lines, unknown streams, records the mapper could not read).
    public var rejects = 0
    /// Records of streams the source's mapper does not read, by stream.
    public var unknownStreams: [String: Int] = [:]
    /// `STATE` messages saved.
    public var states = 0
    /// `LOG` messages shown.
    public var logs = 0
    /// `TRACE` errors, with their line: the source's own failures, which the summary must show.
    public var traceErrors: [String] = []
    /// `CATALOG`, `SPEC`, … lines skipped, by type.
    public var skipped: [String: Int] = [:]

    public init() {}

    public var loadedRows: Int { rows.values.reduce(0, +) }
}
