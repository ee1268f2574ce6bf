import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// `services export FILE`: writes the office's queue configuration (`-` for stdout).
struct ServicesExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Scrive la configurazione della coda in un file TOML.")

    @OptionGroup var central: QueueCentralOptions

    @Argument(help: ArgumentHelp("File da scrivere (- per lo standard output).", valueName: "FILE"))
    var file: String

    func run() async throws {
        let backend = try await central.openQueue()
        let config = try await queueOperation { try await backend.configuration() }
        let text = try QueueConfigurationFile.encode(config)
        if file == "-" {
            print(text, terminator: "")
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw CommandFailure.usage("impossibile scrivere \(file): \((error as NSError).localizedDescription)")
        }
        print("Configurazione della coda scritta in \(file): \(config.services.count) servizi, "
            + "\(config.profiles.count) profili, \(config.counters.count) sportelli")
    }
}
