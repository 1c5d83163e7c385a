import Foundation
import OmnidashCore
import Warehouse
import Yams

/// Reads `omnidash.yaml`: `${ENV}` references are resolved in parsed values (so a secret can never change the
/// file's structure), `--warehouse` overrides the file, and every problem is reported before anything runs, each
/// with the file, the line and the key: unknown keys (with the nearest known one), wrong types and values out of range.
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
        var configuration = OmnidashConfiguration()
        var file: ConfigurationFile?
        if let path = options.config ?? (FileManager.default.fileExists(atPath: defaultPath) ? defaultPath : nil) {
            let decoded = try decode(path: path, environment: environment, unused: Set(unused.map(\.rawValue)))
            configuration = decoded.configuration
            file = decoded.file
        }
        if let warehouse = options.warehouse { configuration.warehouse = warehouse }
        do {
            _ = try WarehouseLocation(parsing: configuration.warehouse)
        } catch {
            throw ConfigurationError(options.warehouse != nil ? "--warehouse: \(error)" : locate("warehouse: \(error)", in: file))
        }
        do {
            try configuration.validate(requiringSources: false)
        } catch {
            throw ConfigurationError(error.problems.map { locate($0, in: file) })
        }
        return configuration
    }

    /// A decoded file's path and resolved tree, to point a later problem at its line.
    struct ConfigurationFile {
        var path: String
        var root: Node
    }

    /// Reads, resolves and decodes one file.
    static func decode(path: String, environment: [String: String],
                       unused: Set<String> = []) throws -> (configuration: OmnidashConfiguration, file: ConfigurationFile?) {
        let text: String
        do {
            text = try ReadableFile.text(at: path)
        } catch {
            throw ConfigurationError("\(error)")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigurationError("\(path):\(describe(error))")
        }
        guard var node else { return (OmnidashConfiguration(), nil) }
        // Sections the command does not read are left out before anything is resolved or decoded.
        if case .mapping(let mapping) = node, !unused.isEmpty {
            node = .mapping(Node.Mapping(mapping.filter { !unused.contains($0.key.string ?? "") }, mapping.tag, mapping.style, mapping.mark))
        }
        var problems: [String] = []
        let resolved = interpolate(node, path: [], file: path, environment: environment, problems: &problems)
        if !problems.isEmpty { throw ConfigurationError(problems) }
        let record = KeyRecordingDecoder.Record()
        let configuration: OmnidashConfiguration
        do {
            configuration = try YAMLDecoder().decode(Recorded<OmnidashConfiguration>.self, from: resolved,
                                                     userInfo: [recordKey: record]).value
        } catch let error as DecodingError {
            throw ConfigurationError(describe(error, file: path, root: resolved))
        }
        let unknown = unknownKeys(in: resolved, at: "", known: record.paths, file: path)
        if !unknown.isEmpty { throw ConfigurationError(unknown) }
        return (configuration, ConfigurationFile(path: path, root: resolved))
    }

    private static let recordKey = CodingUserInfoKey(rawValue: "omnidash.keyRecord")!

    /// Decodes `Value` through a `KeyRecordingDecoder`, whose record travels in `userInfo`.
    private struct Recorded<Value: Decodable>: Decodable {
        let value: Value

        init(from decoder: any Decoder) throws {
            let record = decoder.userInfo[ConfigurationLoader.recordKey] as! KeyRecordingDecoder.Record
            value = try Value(from: KeyRecordingDecoder(base: decoder, record: record))
        }
    }

    /// Every key in the file that no type asked for, each with its line and the nearest known key beside it.
    private static func unknownKeys(in node: Node, at path: String, known: Set<String>, file: String) -> [String] {
        switch node {
        case .mapping(let mapping):
            return mapping.flatMap { key, value -> [String] in
                let name = key.string ?? "\(key)"
                let keyPath = path.isEmpty ? name : "\(path).\(name)"
                guard known.contains(keyPath) else {
                    let prefix = path.isEmpty ? "" : "\(path)."
                    let siblings = known.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
                        .filter { !$0.contains(".") && !$0.contains("[") }.sorted()
                    let hint = NearestName.suggestion(for: name, among: siblings).map { "did you mean \($0)?" }
                        ?? (siblings.isEmpty ? "nothing belongs here" : "known keys here: \(siblings.joined(separator: ", "))")
                    return ["\(file):\(key.mark.map { "\($0.line)" } ?? "?"): \(keyPath): unknown key; \(hint)"]
                }
                return unknownKeys(in: value, at: keyPath, known: known, file: file)
            }
        case .sequence(let sequence):
            return sequence.flatMap { unknownKeys(in: $0, at: "\(path)[]", known: known, file: file) }
        case .scalar, .alias:
            return []
        }
    }

    /// `dashboard.port: 99999 is not a TCP port`, prefixed with the file and, when the file has the key, its line.
    private static func locate(_ problem: String, in file: ConfigurationFile?) -> String {
        guard let file else { return problem }
        let keys = problem.prefix { $0 != ":" && $0 != " " }.split(separator: ".").map(String.init)
        var node: Node? = file.root
        for name in keys { node = node?.mapping?[name] }
        return "\(file.path):\(node?.mark.map { "\($0.line):" } ?? "") \(problem)"
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

    /// `omnidash.yaml:4: dashboard.port: expected a whole number, found "abc"`, without Swift's type dump.
    private static func describe(_ error: DecodingError, file: String, root: Node) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            KeyRecordingDecoder.Record.path(keys)
        }
        func line(_ keys: [any CodingKey]) -> (line: String, found: String) {
            var node: Node? = root
            for key in keys {
                if let index = key.intValue { node = node?.sequence.flatMap { index < $0.count ? $0[index] : nil } }
                else { node = node?.mapping?[key.stringValue] }
            }
            return (node?.mark.map { "\($0.line)" } ?? "?", node?.scalar.map { ", found \"\($0.string)\"" } ?? "")
        }
        func expected(_ type: Any.Type) -> String {
            switch type {
            case is Int.Type, is Int64.Type, is Int32.Type: return "a whole number"
            case is Double.Type: return "a number"
            case is String.Type: return "text"
            case is Bool.Type: return "true or false"
            default:
                let name = "\(type)"
                if name.hasPrefix("Array") { return "a list" }
                if name.hasPrefix("Dictionary") || name.contains("Keyed") { return "a mapping of keys" }
                return name
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(file):\(line(context.codingPath).line): \(path(context.codingPath + [key])): is required"
        case .typeMismatch(let type, let context):
            let place = line(context.codingPath)
            return "\(file):\(place.line): \(path(context.codingPath)): expected \(expected(type))\(place.found)"
        case .valueNotFound(let type, let context):
            return "\(file):\(line(context.codingPath).line): \(path(context.codingPath)): expected \(expected(type)), found nothing"
        case .dataCorrupted(let context):
            let place = line(context.codingPath)
            return "\(file):\(place.line): \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(file): \(error)"
        }
    }

    /// `3: not valid YAML: mapping values are not allowed in this context`.
    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return "\(mark.line): not valid YAML: \(problem)"
        default:
            return " not valid YAML: \(String(describing: error).split(separator: "\n").first ?? "")"
        }
    }
}
