import Foundation

/// A password from the terminal without echo, or the first line of stdin for scripts.
enum PasswordInput {
    static func read(fromStdin: Bool, confirm: Bool) throws -> String {
        guard !fromStdin, isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw CommandFailure("user: no password on stdin")
            }
            return line
        }
        let password = try prompt("Password: ")
        if confirm, try prompt("Password again: ") != password { throw CommandFailure("user: the passwords differ") }
        return password
    }

    /// Turns the terminal's echo off for the one line, and back on whatever happens.
    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw CommandFailure("user: no password given") }
        return line
    }
}
