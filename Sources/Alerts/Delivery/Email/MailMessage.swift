import Foundation

/// An e-mail as SMTP's DATA carries it: RFC 5322 headers (a UTF-8 subject as RFC 2047 encoded words), and a UTF-8
/// plain-text body in base64, so that Thai text passes any server, 8BITMIME or not, in lines of 76 characters.
public struct MailMessage: Sendable, Equatable {
    public var from: String
    public var to: [String]
    public var subject: String
    public var body: String
    public var date: Date
    public var messageID: String

    public init(from: String, to: [String], subject: String, body: String, date: Date, messageID: String = UUID().uuidString) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
    }

    /// Headers and body with CRLF line ends, not yet dot-stuffed.
    public var rendered: String {
        let domain = from.split(separator: "@").last.map(String.init) ?? "omnidash"
        let headers = [
            "From: Omnidash <\(from)>",
            "To: " + to.joined(separator: ", "),
            "Subject: " + Self.encodedHeader(subject),
            "Date: " + Self.rfc5322Date(date),
            "Message-ID: <\(messageID)@\(domain)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
        ]
        let normalized = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let encoded = Data(normalized.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn,
                                                                             .endLineWithLineFeed])
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + encoded + "\r\n"
    }

    /// What follows the server's 354: the message with every line that starts with a dot given another (RFC 5321
    /// §4.5.2), ended by a line holding one dot.
    public static func dataPayload(_ message: String) -> String {
        var text = message.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        if !text.hasSuffix("\r\n") { text += "\r\n" }
        let stuffed = text.split(separator: "\r\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
            .joined(separator: "\r\n")
        return stuffed + ".\r\n"
    }

    /// ASCII text as it is; anything else as UTF-8 "B" encoded words of at most 75 characters each, folded onto
    /// continuation lines, never splitting a character between words (RFC 2047 §5).
    public static func encodedHeader(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }) { return text }
        // "=?UTF-8?B?" + "?=" take 12 of the 75; 63 base64 characters carry 45 bytes (rounded to whole groups: 60 → 45).
        let maximumBytes = 45
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > maximumBytes, !chunk.isEmpty {
                words.append(Self.encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(Self.encodedWord(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String { "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?=" }

    /// `Tue, 01 Dec 2026 07:00:00 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
