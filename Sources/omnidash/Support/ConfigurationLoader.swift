import Foundation
import OmnidashCore
import Warehouse
import Yams

/// Reads `omnidash.yaml`: `${ENV}` references are resolved in parsed values (so a secret can never change the
/// file's structure), `--warehouse` overrides the file, and every problem is reported before anything runs.
enum ConfigurationLoader {
    static let defaultPath = "omnidash.yaml"

    /// The sections a command may do without: `serve` needs no platform credentials, so their unset
    /// `${ENV}` references must not stop it.
    enum Section: String {
        case secrets, sources, fx
    }

    /// - Parameter unused: Sections the command does not read: they are left out, so their unset variables are
    ///   not errors.
    static func load(_ options: GlobalOptions, unused: Set<Section> = [],
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws -> OmnidashConfiguration {
        var configuration: OmnidashConfiguration
        if let path = options.config ?? (FileManager.default.fileExists(atPath: defaultPath) ? defaultPath : nil) {
            configuration = try decode(path: path, environment: environment, unused: Set(unused.map(\.rawValue)))
        } else {
            configuration = OmnidashConfiguration()
        }
        if let warehouse = options.warehouse { configuration.warehouse = warehouse }
        do {
            _ = try WarehouseLocation(parsing: configuration.warehouse)
        } catch {
            throw ConfigurationError("warehouse: \(error)")
        }
        try configuration.validate(requiringSources: false)
        return configuration
    }

    static func decode(path: String, environment: [String: String], unused: Set<String> = []) throws -> OmnidashConfiguration {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigurationError("\(path): cannot read the file")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw ConfigurationError("\(path): not valid YAML: \(String(describing: error).split(separator: "\n").first ?? "")")
        }
        guard var node else { return OmnidashConfiguration() }
        // Sections the command does not read are left out before anything is resolved or decoded.
        if case .mapping(let mapping) = node, !unused.isEmpty {
            node = .mapping(Node.Mapping(mapping.filter { !unused.contains($0.key.string ?? "") }, mapping.tag, mapping.style, mapping.mark))
        }
        var problems: [String] = []
        let resolved = interpolate(node, path: [], file: path, environment: environment, problems: &problems)
        if !problems.isEmpty { throw ConfigurationError(problems) }
        do {
            return try YAMLDecoder().decode(OmnidashConfiguration.self, from: resolved)
        } catch let error as DecodingError {
            throw ConfigurationError("\(path): \(describe(error))")
        }
    }

    private static func interpolate(_ node: Node, path: [String], file: String, environment: [String: String],
                                    problems: inout [String]) -> Node {
        switch node {
        case .scalar(let scalar):
            let location = "\(file):\(scalar.mark.map { "\($0.line):" } ?? "") \(path.joined(separator: "."))"
            do {
                let value = try EnvironmentInterpolation.expand(scalar.string, environment: environment, location: location)
                return .scalar(Node.Scalar(value, scalar.tag, scalar.style, scalar.mark))
            } catch {
                problems += error.problems
                return node
            }
        case .mapping(let mapping):
            let pairs = mapping.map { key, value in
                (key, interpolate(value, path: path + [key.string ?? "?"], file: file, environment: environment, problems: &problems))
            }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case .sequence(let sequence):
            let nodes = sequence.enumerated().map { index, value in
                interpolate(value, path: path + ["[\(index)]"], file: file, environment: environment, problems: &problems)
            }
            return .sequence(Node.Sequence(nodes, sequence.tag, sequence.style, sequence.mark))
        case .alias:
            return node
        }
    }

    /// `dashboard.port: expected Int`, without Swift's type dump.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])): is required"
        case .typeMismatch(let type, let context): return "\(path(context.codingPath)): expected \(type)"
        case .valueNotFound(let type, let context): return "\(path(context.codingPath)): expected \(type), found nothing"
        case .dataCorrupted(let context): return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
