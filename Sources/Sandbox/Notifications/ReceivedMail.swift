import Foundation

/// A message as DATA delivered it, read back for the outbox: the Subject header with RFC 2047 encoded words decoded,
/// the body decoded from its Content-Transfer-Encoding (base64, quoted-printable, or 7bit/8bit as it is).
struct ReceivedMail {
    let headers: [(name: String, value: String)]
    let subject: String
    let body: String

    init(lines: [String]) {
        var headers: [(name: String, value: String)] = []
        var index = 0
        while index < lines.count, !lines[index].isEmpty {
            let line = lines[index]
            if (line.hasPrefix(" ") || line.hasPrefix("\t")), !headers.isEmpty {
                // A folded header continues the previous one.
                headers[headers.count - 1].value += line
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
            index += 1
        }
        let bodyLines = index < lines.count ? Array(lines[(index + 1)...]) : []
        self.headers = headers
        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
        subject = Self.decodeEncodedWords(header("Subject") ?? "")
        let raw = bodyLines.joined(separator: "\r\n")
        switch (header("Content-Transfer-Encoding") ?? "7bit").lowercased() {
        case "base64":
            body = Data(base64Encoded: bodyLines.joined(), options: .ignoreUnknownCharacters)
                .flatMap { String(data: $0, encoding: .utf8) }?.replacingOccurrences(of: "\r\n", with: "\n") ?? raw
        case "quoted-printable":
            body = Self.decodeQuotedPrintable(bodyLines)
        default:
            body = bodyLines.joined(separator: "\n")
        }
    }

    /// `=?UTF-8?B?…?=` and `=?UTF-8?Q?…?=` words decoded; whitespace between adjacent words dropped (RFC 2047 §6.2).
    static func decodeEncodedWords(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        var lastWasWord = false
        while let start = rest.range(of: "=?") {
            let between = rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "?=") else { break }
            let parts = rest[start.upperBound..<end.lowerBound].split(separator: "?", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { break }
            if !(lastWasWord && between.allSatisfy(\.isWhitespace)) { output += between }
            let payload = String(parts[2])
            let bytes: Data?
            switch parts[1].uppercased() {
            case "B": bytes = Data(base64Encoded: payload)
            case "Q": bytes = Data(decodeQuotedPrintable([payload.replacingOccurrences(of: "_", with: " ")]).utf8)
            default: bytes = nil
            }
            output += bytes.flatMap { String(data: $0, encoding: .utf8) } ?? String(rest[start.lowerBound..<end.upperBound])
            lastWasWord = true
            rest = rest[end.upperBound...]
        }
        return output + rest
    }

    static func decodeQuotedPrintable(_ lines: [String]) -> String {
        var bytes: [UInt8] = []
        for (number, line) in lines.enumerated() {
            var utf8 = Array(line.utf8)
            let softBreak = utf8.last == UInt8(ascii: "=")
            if softBreak { utf8.removeLast() }
            var index = 0
            while index < utf8.count {
                if utf8[index] == UInt8(ascii: "="), index + 2 < utf8.count,
                   let value = UInt8(String(decoding: utf8[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                    bytes.append(value)
                    index += 3
                } else {
                    bytes.append(utf8[index])
                    index += 1
                }
            }
            if !softBreak, number < lines.count - 1 { bytes.append(UInt8(ascii: "\n")) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
