import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// `queue day close [--operator USER] [--json]`: closes today's office day. Tickets still
/// waiting, parked or transferred are closed as "chiuso a fine giornata" and counted per
/// service; tickets still at a counter are listed and left to their operators.
struct QueueDayCloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Chiude la giornata: i biglietti ancora in attesa vengono chiusi e contati.")

    @OptionGroup var central: QueueCentralOptions

    @Option(name: .long, help: ArgumentHelp("Operatore che chiude (responsabile).", valueName: "UTENTE"))
    var `operator`: String?

    @Flag(name: .long, help: "Stampa il resoconto in JSON.")
    var json = false

    func run() async throws {
        let backend = try await central.openQueue(clock: try QueueClock.make())
        let report = try await queueOperation { try await backend.closeOffice(operatorID: self.operator) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
            return
        }
        let config = try await queueOperation { try await backend.configuration() }
        print("Giornata \(report.day) chiusa: \(report.closedCount) \(report.closedCount == 1 ? "biglietto chiuso" : "biglietti chiusi") a fine giornata.")
        for (code, count) in report.closedByService.sorted(by: { $0.key < $1.key }) {
            print("  \(config.service(code)?.name ?? code): \(count)")
        }
        if !report.stillAtCounters.isEmpty {
            print("Ancora agli sportelli: \(report.stillAtCounters.joined(separator: ", "))")
        }
    }
}
