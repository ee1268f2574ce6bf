import ArgumentParser
import Foundation
import LocalStore

/// `sportello-tui sync skip ID --reason TEXT`: drops a dead letter for good (audited).
struct SyncSkipCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skip",
        abstract: "Scarta un messaggio in sospeso (registrato con il motivo).")

    @OptionGroup var options: SyncResolveOptions

    func run() async throws {
        let session = try await SyncStationSession.open(options.homeOptions, withCentral: false)
        defer { session.close() }
        let actor = options.actor
        do {
            try session.station.store.skipDeadLetter(options.id, reason: options.reason, operator: actor.operator, osUser: actor.osUser)
        } catch { throw SyncStationSession.failure(error) }
        print("messaggio \(options.id) scartato")
    }
}
