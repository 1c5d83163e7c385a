import Foundation
import Logging
import WSClient

/// The Chrome DevTools protocol over the browser's WebSocket: commands with ids and their results, and the events
/// of one page, kept for the test to read (console errors, exceptions, load events).
actor DevToolsSession {
    private let outbound: WebSocketOutboundWriter
    private var nextID = 1
    private var pending: [Int: CheckedContinuation<String, any Error>] = [:]
    /// Every event received, as JSON text, oldest first.
    private(set) var events: [String] = []

    init(outbound: WebSocketOutboundWriter) {
        self.outbound = outbound
    }

    /// Connects to `url` and runs `body` with a session; the connection closes when `body` returns.
    static func with<T: Sendable>(_ url: String, _ body: @escaping @Sendable (DevToolsSession) async throws -> T) async throws -> T {
        let result = ResultBox<T?>(nil)
        var logger = Logger(label: "test.devtools")
        logger.logLevel = .error
        // Screenshots of a long page run to megabytes of base64.
        try await WebSocketClient.connect(url: url, configuration: .init(maxFrameSize: 1 << 26), logger: logger) { inbound, outbound, _ in
            let session = DevToolsSession(outbound: outbound)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await message in inbound.messages(maxSize: 1 << 26) {
                        if case .text(let text) = message { await session.receive(text) }
                    }
                }
                result.set(try await body(session))
                group.cancelAll()
            }
        }
        guard let value = result.get() else { throw BrowserTestError("the DevTools session ended without a result") }
        return value
    }

    /// Sends `method` with `params` (to a page when `sessionID` is set) and returns its `result` as JSON text
    /// (`DevToolsSession.object(_:)` reads it).
    func send(_ method: String, _ params: [String: any Sendable] = [:], sessionID: String? = nil) async throws -> String {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let sessionID { message["sessionId"] = sessionID }
        let text = String(decoding: try JSONSerialization.data(withJSONObject: message), as: UTF8.self)
        let reply = try await withCheckedThrowingContinuation { continuation in
            pending[id] = continuation
            Task { do { try await outbound.write(.text(text)) } catch { self.fail(id, error) } }
        }
        let object = try JSONSerialization.jsonObject(with: Data(reply.utf8)) as? [String: Any] ?? [:]
        if let error = object["error"] as? [String: Any] {
            throw BrowserTestError("\(method) failed: \(error["message"] ?? error)")
        }
        return String(decoding: try JSONSerialization.data(withJSONObject: object["result"] as? [String: Any] ?? [:]), as: UTF8.self)
    }

    /// A JSON object from its text; empty when the text is not one.
    nonisolated static func object(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// Waits until an event `method` of `sessionID` arrives after `index` in `events`; returns its position.
    func waitForEvent(_ method: String, sessionID: String, after index: Int, timeout: Duration = .seconds(30)) async throws -> Int {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            for position in events.indices where position >= index {
                let event = events[position]
                if event.contains("\"method\":\"\(method)\""), event.contains(sessionID) { return position }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BrowserTestError("no \(method) within \(timeout)")
    }

    private func receive(_ text: String) {
        if let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], let id = object["id"] as? Int,
           let continuation = pending.removeValue(forKey: id) {
            continuation.resume(returning: text)
        } else {
            events.append(text)
        }
    }

    private func fail(_ id: Int, _ error: any Error) {
        pending.removeValue(forKey: id)?.resume(throwing: error)
    }
}

/// A value set from inside a closure that cannot return it.
final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
    func get() -> Value { lock.withLock { value } }
}
