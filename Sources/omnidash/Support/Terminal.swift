import Foundation

/// Writing progress and results: progress lines rewrite themselves on a terminal and are plain lines otherwise.
enum Terminal {
    static let isInteractive = isatty(STDERR_FILENO) == 1

    /// A one-line progress message on stderr; on a terminal it replaces the previous one.
    static func progress(_ line: String) {
        if isInteractive {
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(line)".utf8))
        }
    }

    /// A finished line on stderr (ends the progress line on a terminal).
    static func note(_ line: String) {
        FileHandle.standardError.write(Data(((isInteractive ? "\r\u{1B}[2K" : "") + line + "\n").utf8))
    }

    /// Output for the user or for a pipe, on stdout.
    static func print(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func count(_ value: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }
}
