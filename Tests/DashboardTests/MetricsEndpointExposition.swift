import Foundation

/// A strict reader of Prometheus' text exposition format (version 0.0.4), for the tests of `/metrics`: it refuses what
/// a Prometheus server would refuse (a bad name, a badly quoted label, a value that is no number, a family whose lines
/// are split, a second TYPE) and checks each histogram's buckets (ascending bounds, non-decreasing counts, `+Inf`
/// equal to `_count`, a `_sum`).
struct MetricsExposition {
    struct Sample: Hashable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    struct Family {
        var name: String
        /// `counter`, `gauge`, `histogram`, `summary` or `untyped`.
        var type: String
        var help: String?
        var samples: [Sample] = []
    }

    struct Problem: Error, CustomStringConvertible {
        var description: String
        init(_ line: Int, _ message: String) { description = "line \(line): \(message)" }
    }

    private(set) var families: [String: Family] = [:]

    init(parsing text: String) throws {
        guard text.isEmpty || text.hasSuffix("\n") else { throw Problem(0, "the exposition must end with a line feed") }
        var finished: Set<String> = []
        var current: String?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
            let number = index + 1
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
                guard parts.count >= 3, parts[0] == "#", parts[1] == "HELP" || parts[1] == "TYPE" else { continue }
                let name = String(parts[2])
                guard Self.isMetricName(name) else { throw Problem(number, "'\(name)' is not a metric name") }
                guard !finished.contains(name), current == nil || current == name || families[name] == nil else {
                    throw Problem(number, "\(name): its lines are not together")
                }
                if current != name, let current { finished.insert(current) }
                current = name
                var family = families[name] ?? Family(name: name, type: "untyped")
                if parts[1] == "TYPE" {
                    let type = parts.count > 3 ? String(parts[3]) : ""
                    guard ["counter", "gauge", "histogram", "summary", "untyped"].contains(type) else {
                        throw Problem(number, "\(name): unknown type '\(type)'")
                    }
                    guard families[name].map({ $0.type == "untyped" && $0.samples.isEmpty && $0.help != nil }) ?? true else {
                        throw Problem(number, "\(name): a second TYPE, or TYPE after its samples")
                    }
                    family.type = type
                } else {
                    guard family.help == nil else { throw Problem(number, "\(name): a second HELP") }
                    family.help = parts.count > 3 ? String(parts[3]) : ""
                }
                families[name] = family
                continue
            }
            let sample = try Self.sample(line, number)
            let familyName = family(of: sample.name)
            if current != familyName {
                guard !finished.contains(familyName) else { throw Problem(number, "\(familyName): its lines are not together") }
                if let current { finished.insert(current) }
                current = familyName
            }
            var family = families[familyName] ?? Family(name: familyName, type: "untyped")
            guard !family.samples.contains(where: { $0.name == sample.name && $0.labels == sample.labels }) else {
                throw Problem(number, "\(sample.name)\(sample.labels): a second sample")
            }
            if family.type == "counter", sample.value < 0 { throw Problem(number, "\(sample.name): a counter below zero") }
            family.samples.append(sample)
            families[familyName] = family
        }
        for family in families.values where family.type == "histogram" { try Self.checkHistogram(family) }
    }

    /// `x_bucket`, `x_sum` and `x_count` belong to histogram (or summary) `x`; any other sample to the family of its name.
    private func family(of sampleName: String) -> String {
        for suffix in ["_bucket", "_sum", "_count"] where sampleName.hasSuffix(suffix) {
            let base = String(sampleName.dropLast(suffix.count))
            if let family = families[base], family.type == "histogram" || family.type == "summary" { return base }
        }
        return sampleName
    }

    /// The samples of `name` (a sample name, `x_bucket` included) whose labels include `labels`.
    func samples(_ name: String, where labels: [String: String] = [:]) -> [Sample] {
        families[family(of: name)]?.samples.filter { sample in
            sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value }
        } ?? []
    }

    /// The sum of the values of `name`'s samples whose labels include `labels`.
    func total(_ name: String, where labels: [String: String] = [:]) -> Double {
        samples(name, where: labels).reduce(0) { $0 + $1.value }
    }

    private static func checkHistogram(_ family: Family) throws {
        let series = Dictionary(grouping: family.samples) { sample in sample.labels.filter { $0.key != "le" } }
        for (labels, samples) in series {
            let subject = "\(family.name)\(labels)"
            let buckets = try samples.filter { $0.name == family.name + "_bucket" }.map { sample -> (Double, Double) in
                guard let bound = sample.labels["le"].flatMap(Self.number) else { throw Problem(0, "\(subject): a bucket without `le`") }
                return (bound, sample.value)
            }
            .sorted { $0.0 < $1.0 }
            guard let last = buckets.last, last.0 == .infinity else { throw Problem(0, "\(subject): no +Inf bucket") }
            for (lower, upper) in zip(buckets, buckets.dropFirst()) where upper.1 < lower.1 {
                throw Problem(0, "\(subject): bucket le=\(upper.0) counts fewer than le=\(lower.0)")
            }
            guard let count = samples.first(where: { $0.name == family.name + "_count" }) else { throw Problem(0, "\(subject): no _count") }
            guard count.value == last.1 else { throw Problem(0, "\(subject): +Inf bucket \(last.1) ≠ _count \(count.value)") }
            guard samples.contains(where: { $0.name == family.name + "_sum" }) else { throw Problem(0, "\(subject): no _sum") }
        }
    }

    private static func sample(_ line: Substring, _ lineNumber: Int) throws -> Sample {
        var rest = line[...]
        let name = String(rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") })
        guard isMetricName(name) else { throw Problem(lineNumber, "'\(line)' does not start with a metric name") }
        rest = rest.dropFirst(name.count)
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                let label = String(rest.prefix { $0 != "=" })
                guard isLabelName(label), !labels.keys.contains(label) else { throw Problem(lineNumber, "bad or repeated label '\(label)'") }
                rest = rest.dropFirst(label.count)
                guard rest.hasPrefix("=\"") else { throw Problem(lineNumber, "\(label): the value must be quoted") }
                rest = rest.dropFirst(2)
                var value = ""
                while true {
                    guard let character = rest.first else { throw Problem(lineNumber, "\(label): the value is not closed") }
                    rest = rest.dropFirst()
                    if character == "\"" { break }
                    if character == "\\" {
                        switch rest.first {
                        case "\\": value.append("\\")
                        case "\"": value.append("\"")
                        case "n": value.append("\n")
                        default: throw Problem(lineNumber, "\(label): a bad escape")
                        }
                        rest = rest.dropFirst()
                    } else {
                        value.append(character)
                    }
                }
                labels[label] = value
                if rest.first == "," { rest = rest.dropFirst() } else if rest.first != "}" {
                    throw Problem(lineNumber, "labels must be separated by commas")
                }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { throw Problem(lineNumber, "no space before the value") }
        let fields = rest.dropFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard (1...2).contains(fields.count), let value = number(String(fields[0])) else {
            throw Problem(lineNumber, "'\(rest.dropFirst())' is not a value (and an optional timestamp)")
        }
        if fields.count == 2, Int64(fields[1]) == nil { throw Problem(lineNumber, "'\(fields[1])' is not a timestamp") }
        return Sample(name: name, labels: labels, value: value)
    }

    static func number(_ text: String) -> Double? {
        switch text {
        case "+Inf": .infinity
        case "-Inf": -.infinity
        case "NaN": .nan
        default: text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) ? Double(text) : nil
        }
    }

    static func isMetricName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" || first == ":" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") }
    }

    static func isLabelName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
