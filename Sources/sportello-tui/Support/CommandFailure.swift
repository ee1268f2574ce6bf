/// An error a command reports with a one-line message and a chosen exit code.
///
/// Use `.rejected` (exit 1) when the answer is no or the data is refused, `.usage`
/// (exit 2) for usage and environment problems.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    let exitCode: Int32

    static func rejected(_ message: String) -> CommandFailure {
        CommandFailure(message: message, exitCode: 1)
    }

    static func usage(_ message: String) -> CommandFailure {
        CommandFailure(message: message, exitCode: 2)
    }

    var description: String { message }
}
