import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// `queue ticket NUMBER [--json]`: one of today's tickets as the central side has it (state,
/// counter, outcome, the citizen linked to it and the phone for the notice).
struct QueueTicketCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticket", abstract: "Mostra un biglietto di oggi: stato, sportello, esito, cittadino collegato.")

    @OptionGroup var central: QueueCentralOptions

    @Argument(help: ArgumentHelp("Numero del biglietto di oggi (es. A042).", valueName: "BIGLIETTO"))
    var ticket: String

    @Flag(name: .long, help: "Stampa il biglietto in JSON.")
    var json = false

    func run() async throws {
        // An offline number is printed with a dash; the same ticket either way.
        guard let number = TicketNumber(parsing: ticket.replacingOccurrences(of: "-", with: "")) else {
            throw CommandFailure.usage("numero di biglietto non valido: \(ticket) (es. A042)")
        }
        let backend = try await central.openQueue(clock: try QueueClock.make())
        let found = try await queueOperation { try await backend.ticket(number: number) }
        if json {
            try QueueTicketOutput(found).printJSON()
            return
        }
        var text = "Biglietto \(found.number.display) (\(found.serviceCode)): \(found.state.italianName)"
        if found.isReservedAtStation {
            let counter = found.history.last { ($0.counter ?? 0) > 0 }?.counter
            text += counter.map { ", riserva sportello \($0) (numero fuori linea)" } ?? ", riserva di una postazione (numero fuori linea)"
        } else if let counter = found.counter {
            text += ", sportello \(counter)"
        }
        if let outcome = found.outcome { text += ", esito \(outcome)" }
        if let contact = found.contactID { text += ", cittadino \(contact)" }
        if let phone = found.phone { text += ", telefono \(phone)" }
        print(text)
    }
}
