import ArgumentParser
import CounterTUI

/// `sportello-tui keymap check FILE`: validates FILE layered on the default keymap.
/// Exit 0 with an "ok" line; 1 with one `FILE:LINE: …` line per problem on stderr;
/// 2 when the file cannot be read.
struct KeymapCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verifica un file di tastiera sovrapposto a quella predefinita."
    )

    @Argument(help: "File TOML della tastiera da verificare.")
    var file: String

    func run() async throws {
        switch KeymapCheck.run(path: file) {
        case .valid(let line):
            print(line)
        case .rejected(let lines):
            for line in lines { StandardError.writeLine(line) }
            throw ExitCode(1)
        case .unreadable(let message):
            throw CommandFailure.usage(message)
        }
    }
}
