import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// `queue close TICKET --token T --outcome CODE`: closes today's ticket held by a counter,
/// with the fencing token of its claim.
struct QueueCloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Chiude un biglietto di oggi con un esito.")

    @OptionGroup var central: QueueCentralOptions

    @Argument(help: ArgumentHelp("Numero del biglietto di oggi (es. A042).", valueName: "BIGLIETTO"))
    var ticket: String

    @Option(name: .long, help: ArgumentHelp("Gettone ricevuto con la chiamata.", valueName: "T"))
    var token: Int64

    @Option(name: .long, help: ArgumentHelp("Codice dell'esito (es. servito).", valueName: "CODICE"))
    var outcome: String

    @Option(name: .long, help: ArgumentHelp("Procedure svolte (codici del catalogo).", valueName: "CODICE"))
    var procedure: [String] = []

    @Flag(name: .long, help: "Stampa il biglietto in JSON.")
    var json = false

    func run() async throws {
        guard let number = TicketNumber(parsing: ticket) else {
            throw CommandFailure.usage("numero di biglietto non valido: \(ticket) (es. A042)")
        }
        let backend = try await central.openQueue(clock: try QueueClock.make())
        let closed = try await queueOperation {
            let current = try await backend.ticket(number: number)
            return try await backend.transition(TransitionRequest(
                ticketID: current.id, token: FencingToken(token),
                action: .close(outcome: outcome, procedures: procedure, contactID: nil), counter: nil))
        }
        if json {
            try QueueTicketOutput(closed).printJSON()
        } else {
            print("Biglietto \(closed.number.display) chiuso: \(closed.outcome ?? outcome)")
        }
    }
}
