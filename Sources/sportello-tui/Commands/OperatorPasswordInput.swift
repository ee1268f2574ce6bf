import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a new password: one line from stdin (`--password-stdin`), or typed twice at the
/// terminal without echo.
enum OperatorPasswordInput {
    static func read(fromStdin: Bool) throws -> String {
        if fromStdin {
            guard let line = Swift.readLine(strippingNewline: true) else {
                throw CommandFailure.usage("nessuna password su stdin")
            }
            return line
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure.usage("stdin non è un terminale: usare --password-stdin")
        }
        let first = try prompt("Password: ")
        let second = try prompt("Ripeti la password: ")
        guard first == second else { throw CommandFailure.rejected("le due password non coincidono") }
        return first
    }

    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else {
            throw CommandFailure.usage("impossibile leggere le impostazioni del terminale")
        }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = Swift.readLine(strippingNewline: true) else {
            throw CommandFailure.usage("inserimento della password interrotto")
        }
        return line
    }
}
