import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// `queue issue --service CODE [--priority CAT] [--json]`: issues a ticket.
struct QueueIssueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue", abstract: "Emette un biglietto per un servizio.")

    @OptionGroup var central: QueueCentralOptions

    @Option(name: .long, help: ArgumentHelp("Codice del servizio (es. ANA).", valueName: "CODICE"))
    var service: String

    @Option(name: .long, help: ArgumentHelp("Categoria di priorità (es. over75).", valueName: "CATEGORIA"))
    var priority: String?

    @Flag(name: .long, help: "Stampa il biglietto in JSON.")
    var json = false

    func run() async throws {
        let backend = try await central.openQueue(clock: try QueueClock.make())
        let request = IssueRequest(serviceCode: service.uppercased(), priority: priority)
        let ticket = try await queueOperation { try await backend.issue(request) }
        if json {
            try QueueTicketOutput(ticket).printJSON()
        } else {
            let config = try await queueOperation { try await backend.configuration() }
            let name = config.service(ticket.serviceCode)?.name ?? ticket.serviceCode
            let ahead = ticket.peopleAheadAtIssue ?? 0
            print("Biglietto \(ticket.number.display) – \(name): \(ahead) \(ahead == 1 ? "persona" : "persone") prima, "
                + "attesa stimata \(ticket.estimatedWaitMinutes ?? 0) minuti")
        }
    }
}
