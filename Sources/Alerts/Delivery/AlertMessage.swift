/// An alert rendered for people, in one language: what every channel sends, each in its own format.
public struct AlertMessage: Sendable, Equatable {
    /// `Critical: ROAS below target` — the first line of a chat message, the header of a Slack message.
    public var title: String
    /// The e-mail subject.
    public var subject: String
    /// What it is about, the value against the threshold, the date, the provisional note: one fact a line.
    public var lines: [String]
    /// The words before the link (`Details`).
    public var linkLabel: String
    /// The absolute address of the page that explains the alert.
    public var link: String

    public init(title: String, subject: String, lines: [String], linkLabel: String, link: String) {
        self.title = title
        self.subject = subject
        self.lines = lines
        self.linkLabel = linkLabel
        self.link = link
    }

    /// The whole message as plain text: title, facts, link.
    public var text: String {
        ([title] + lines + ["\(linkLabel): \(link)"]).joined(separator: "\n")
    }
}
