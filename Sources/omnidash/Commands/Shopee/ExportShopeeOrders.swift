import ArgumentParser
import Foundation
import OmnidashCore
import Sandbox

/// `omnidash sandbox export shopee-orders`: the simulated world's Shopee orders as JSON lines.
struct ExportShopeeOrders: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shopee-orders",
        abstract: "JSON lines of Shopee orders, each as order/get_order_detail returns it (for `omnidash import` and benchmarks).")

    @OptionGroup var world: SandboxCommand.WorldOptions

    @Option(help: "How many orders, walking back day by day from --as-of.")
    var orders: Int

    @Option(name: .shortAndLong, help: "The file to write (default: stdout).")
    var output: String?

    func validate() throws {
        guard orders > 0 else { throw ValidationError("--orders must be positive") }
    }

    func run() async throws {
        try Self.exportOrders(count: orders, seed: world.seed, asOf: world.resolvedAsOf, to: output)
        if let output { Terminal.note("sandbox export: \(Terminal.count(orders)) Shopee orders written to \(output)") }
    }

    static func exportOrders(count: Int, seed: UInt64, asOf: BusinessDate, to path: String?) throws {
        let handle: FileHandle
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
                throw CommandFailure("sandbox export: cannot write \(path)")
            }
            handle = file
        } else {
            handle = FileHandle.standardOutput
        }
        defer { if path != nil { try? handle.close() } }
        var buffer = Data()
        buffer.reserveCapacity(1 << 20)
        try SandboxWorld(seed: seed, asOf: asOf).exportShopeeOrders(count: count) { line in
            buffer.append(line)
            if buffer.count >= 1 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
    }
}
