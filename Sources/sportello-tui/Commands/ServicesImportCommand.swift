import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// `services import FILE`: validates a configuration file and replaces the office's queue
/// configuration with it in one transaction (nothing changes when it is refused).
struct ServicesImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Sostituisce la configurazione della coda con un file TOML.")

    @OptionGroup var central: QueueCentralOptions

    @Argument(help: ArgumentHelp("File TOML da importare.", valueName: "FILE"))
    var file: String

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure.usage("impossibile leggere \(file)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure.rejected("\(file) non è un testo UTF-8")
        }
        let config: QueueConfiguration
        do {
            config = try QueueConfigurationFile.decode(text)
        } catch let error as QueueBackendError {
            throw CommandFailure.rejected("\(file): \(error.description)")
        }
        guard let backend = try await central.openQueue() as? any QueueConfigurationStore else {
            throw CommandFailure.usage("il database centrale non permette di sostituire la configurazione")
        }
        try await queueOperation { try await backend.replaceConfiguration(config) }
        print("Configurazione della coda importata da \(file): \(config.services.count) servizi, "
            + "\(config.profiles.count) profili, \(config.counters.count) sportelli")
    }
}
