/// A command's one-line reason for failing; ArgumentParser prints it as `Error: …` and exits with status 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
