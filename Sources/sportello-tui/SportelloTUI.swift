import ArgumentParser
import Foundation

@main
struct SportelloTUI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sportello-tui",
        abstract: "Cruscotto da sportello per lo sportello polifunzionale del comune.",
        subcommands: [
            CruscottoCommand.self,
            DemoCommand.self,
            InitCommand.self,
            BackupCommand.self,
            RestoreCommand.self,
            OperatorCommand.self,
            BenchCommand.self,
            CentralCommand.self,
            ChaosCommand.self,
            CFCommand.self,
            ContactsCommand.self,
            EngineDemoCommand.self,
            TotemCommand.self,
            DisplayCommand.self,
            KeymapCommand.self,
            QueueCommand.self,
            ServicesCommand.self,
            SyncCommand.self,
        ],
        defaultSubcommand: CruscottoCommand.self
    )

    /// Runs the command line with the project's exit codes: 0 success, 1 when the answer is
    /// no or the data is rejected, 2 on usage or environment errors (ArgumentParser's 64
    /// becomes 2), always with a one-line message on stderr.
    static func main() async {
        let code = await runCommandLine(Array(CommandLine.arguments.dropFirst()))
        Foundation.exit(code)
    }

    static func runCommandLine(_ arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let failure as CommandFailure {
            StandardError.writeLine("sportello-tui: \(failure.message)")
            return failure.exitCode
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help, --version: the full text goes to stdout.
                print(fullMessage(for: error))
                return 0
            }
            let text = message(for: error)
            if !text.isEmpty {
                let firstLine = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? text
                StandardError.writeLine("sportello-tui: \(firstLine)")
            }
            if code == .validationFailure { return 2 }
            return code.rawValue
        }
    }
}
