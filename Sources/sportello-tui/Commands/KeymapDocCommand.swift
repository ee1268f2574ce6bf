import ArgumentParser
import CounterTUI
import Foundation

/// `sportello-tui keymap doc`: writes the Markdown list of keys per screen (KEYS.md).
struct KeymapDocCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doc",
        abstract: "Scrive l'elenco dei tasti per schermata in Markdown (KEYS.md)."
    )

    @Option(name: .long, help: "File da scrivere; \"-\" per l'uscita standard.")
    var output: String = "KEYS.md"

    @Option(name: .long, help: "Tastiera personale da documentare sopra quella predefinita.")
    var keymap: String?

    func run() async throws {
        let loaded: Keymap
        switch keymap.map({ KeymapCheck.run(path: $0) }) {
        case .rejected(let lines)?:
            for line in lines { StandardError.writeLine(line) }
            throw ExitCode(1)
        case .unreadable(let message)?:
            throw CommandFailure.usage(message)
        case .valid?, nil:
            do {
                loaded = try Keymap.load(userFile: keymap)
            } catch {
                throw CommandFailure.rejected("tastiera non valida: \(error)")
            }
        }
        let text = KeymapDocument.markdown(for: loaded, source: keymap.map { "\(Keymap.defaultFileName) + \($0)" } ?? Keymap.defaultFileName)
        if output == "-" {
            print(text, terminator: "")
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CommandFailure.usage("impossibile scrivere \(output): cartella inesistente o senza permesso di scrittura")
        }
    }
}
