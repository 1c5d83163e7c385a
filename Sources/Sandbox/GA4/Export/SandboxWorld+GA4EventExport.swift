import Foundation
import OmnidashCore

extension SandboxWorld {
    /// The GA4 BigQuery export of the `days` complete days before `asOf`, one `events_YYYYMMDD` table a day, as
    /// newline-delimited JSON handed to `write` in chunks of about 1 MiB with the table's date. Memory stays flat: one
    /// day's sessions at a time. Events after midnight of a session that began the day before go to the next day's
    /// table, as in GA4 (the last day's go to the `asOf` table).
    public func exportGA4Events(days: Int, write: (_ table: BusinessDate, _ chunk: Data) throws -> Void) throws {
        guard days > 0 else { return }
        let renderer = GA4ExportRenderer()
        var carried: [UInt8] = []
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 20)
        for offset in stride(from: days, through: 1, by: -1) {
            let day = asOf.adding(days: -offset)
            chunk.append(contentsOf: carried)
            carried.removeAll()
            for session in websiteSessions(on: day) {
                for (date, line) in renderer.lines(of: session) {
                    if date > day {
                        carried.append(contentsOf: line)
                        carried.append(UInt8(ascii: "\n"))
                    } else {
                        chunk.append(contentsOf: line)
                        chunk.append(UInt8(ascii: "\n"))
                    }
                }
                if chunk.count >= 1 << 20 {
                    try write(day, Data(chunk))
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            try write(day, Data(chunk))
            chunk.removeAll(keepingCapacity: true)
        }
        if !carried.isEmpty { try write(asOf, Data(carried)) }
    }
}
