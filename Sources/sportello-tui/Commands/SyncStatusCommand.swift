import ArgumentParser
import Foundation
import LocalStore

/// `sportello-tui sync status [--json]`: what waits to be sent, what is blocked, where the pull is.
struct SyncStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Stato della sincronizzazione: eventi da inviare, messaggi in sospeso, conflitti, ultima ricezione.")

    @OptionGroup var homeOptions: HomeOptions

    @Flag(help: "Uscita JSON.")
    var json = false

    func run() async throws {
        let session = try await SyncStationSession.open(homeOptions, withCentral: false)
        defer { session.close() }
        let status = try await HomeOptions.run { try session.station.store.syncStatus() }
        if json { return try SyncStationSession.printJSON(status) }
        print("eventi da inviare: \(status.outbox)")
        print("messaggi in sospeso: \(status.openDeadLetters)\(status.openDeadLetters > 0 ? "  (sync bloccata)" : "")")
        print("conflitti registrati: \(status.conflicts)")
        print("posizione ricevuta: \(status.pulledPosition)")
        print("ultimo invio: \(status.lastPushAt ?? "mai")")
        print("ultima ricezione: \(status.lastPullAt ?? "mai")")
        print("ultima sincronizzazione riuscita: \(status.lastSuccessAt ?? "mai")")
        if let at = status.lastResetAt {
            print("ultimo ripristino dall'istantanea: \(at) (\(status.lastResetRows ?? 0) contatti, posizione \(status.lastResetPosition ?? 0))")
        } else {
            print("ultimo ripristino dall'istantanea: mai")
        }
        if status.resetInProgress { print("ripristino dall'istantanea in corso: riprende alla prossima sincronizzazione") }
        if let error = status.lastError { print("ultimo errore: \(error)") }
    }
}
