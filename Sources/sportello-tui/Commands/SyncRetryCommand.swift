import ArgumentParser
import Foundation
import LocalStore

/// `sportello-tui sync retry ID --reason TEXT`: sends a refused event again at the next
/// sync, or applies an unreadable central change again now (audited).
struct SyncRetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Ritenta un messaggio in sospeso (registrato con il motivo).")

    @OptionGroup var options: SyncResolveOptions

    func run() async throws {
        let session = try await SyncStationSession.open(options.homeOptions, withCentral: false)
        defer { session.close() }
        let actor = options.actor
        do {
            try session.station.store.retryDeadLetter(options.id, reason: options.reason, operator: actor.operator,
                                                      osUser: actor.osUser, station: session.station.config.stationID)
        } catch { throw SyncStationSession.failure(error) }
        print("messaggio \(options.id) ritentato: un evento torna in coda per la prossima sincronizzazione, una modifica ricevuta è applicata")
    }
}
