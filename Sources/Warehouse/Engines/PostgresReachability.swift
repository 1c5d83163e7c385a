import Foundation
import Logging
import NIOCore
import PostgresNIO

/// One direct connection before the pool starts, so an unreachable server fails in seconds with a reason a person
/// can act on. The pool alone retries with backoff for about a minute and then reports only that its circuit
/// breaker tripped.
enum PostgresReachability {
    static let connectTimeout = TimeAmount.seconds(5)

    /// What the probe learnt about the server, for the pool's session settings.
    struct Server {
        /// PostgreSQL 14+ built with LZ4: raw JSON is compressed with it, several times faster than the default pglz.
        var supportsLZ4 = false
    }

    @discardableResult
    static func check(_ location: WarehouseLocation.PostgresLocation, logger: Logger) async throws(WarehouseError) -> Server {
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user,
            password: location.password, database: location.database, tls: .disable)
        configuration.options.connectTimeout = connectTimeout
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            var server = Server()
            // A server that cannot say (an old version, a restricted role) is simply treated as without LZ4.
            if let rows = try? await connection.query(
                "SELECT count(*)::int8 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)", logger: logger),
               let count = try? await rows.collect().first?.decode(Int64.self) {
                server.supportsLZ4 = count > 0
            }
            try? await connection.close()
            return server
        } catch {
            throw .unreachable("cannot connect to PostgreSQL at \(location.host):\(location.port), database \(location.database), "
                + "user \(location.user): \(reason(error, location))")
        }
    }

    /// Connection refused, unknown host, timed out, authentication failed, database missing: in those words.
    static func reason(_ error: any Error, _ location: WarehouseLocation.PostgresLocation) -> String {
        if let error = error as? PSQLError {
            switch error.serverInfo?[.sqlState] {
            case "28P01", "28000":
                return "authentication failed for user \(location.user) (check the password in the URL)"
            case "3D000":
                return "database \(location.database) does not exist (create it with `createdb \(location.database)`)"
            case let state?:
                return error.serverInfo?[.message] ?? "server error \(state)"
            case nil:
                if let underlying = error.underlying { return reason(underlying, location) }
                return "\(error.code)"
            }
        }
        if case ChannelError.connectTimeout = error {
            return "no answer within \(connectTimeout.nanoseconds / 1_000_000_000) s (is the host right, and the port open?)"
        }
        if let error = error as? IOError, error.errnoCode == ECONNREFUSED {
            return refused(location)
        }
        // NIO's happy-eyeballs error lives in NIOPosix; its text is enough to tell DNS from a refused socket.
        let text = String(describing: error)
        if text.contains("connectTimeout") { return "no answer within 5 s (is the host right, and the port open?)" }
        if text.contains("Connection refused") || text.contains("ECONNREFUSED") { return refused(location) }
        if text.contains("dnsAError") || text.contains("NXDOMAIN") || text.contains("Name or service not known") || text.contains("getaddrinfo") {
            return "unknown host \(location.host)"
        }
        return text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
    }

    private static func refused(_ location: WarehouseLocation.PostgresLocation) -> String {
        "connection refused (is PostgreSQL running and listening on port \(location.port)?)"
    }
}
