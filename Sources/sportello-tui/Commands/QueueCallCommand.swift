import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// `queue call --counter N [--json]`: claims the next ticket for a counter. An empty queue
/// prints `{"ticket": null}` (with `--json`) and exits 1.
struct QueueCallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call", abstract: "Chiama il prossimo biglietto per uno sportello.")

    @OptionGroup var central: QueueCentralOptions

    @Option(name: .long, help: ArgumentHelp("Numero dello sportello.", valueName: "N"))
    var counter: Int

    @Option(name: .long, help: ArgumentHelp("Operatore che chiama.", valueName: "UTENTE"))
    var `operator`: String?

    @Flag(name: .long, help: "Stampa il biglietto in JSON.")
    var json = false

    func run() async throws {
        let backend = try await central.openQueue(clock: try QueueClock.make())
        let request = ClaimRequest(counter: counter, operatorID: self.operator)
        let claim = try await queueOperation { try await backend.claim(request) }
        if json { try QueueTicketOutput(claim?.ticket).printJSON() }
        guard let claim else {
            throw CommandFailure.rejected("nessun biglietto in attesa per lo sportello \(counter)")
        }
        if !json {
            print("Sportello \(counter): chiamato \(claim.ticket.number.display) (gettone \(claim.token.value))")
        }
    }
}
