import ArgumentParser
import Foundation
import LocalStore

/// `sportello-tui sync once [--json]`: one exchange, push then pull.
struct SyncOnceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "once",
        abstract: "Una sincronizzazione: invia gli eventi in attesa, poi riceve le modifiche del registro.")

    @OptionGroup var homeOptions: HomeOptions

    @Flag(help: "Uscita JSON.")
    var json = false

    struct Output: Encodable {
        let sent: Int
        let duplicates: Int
        let refused: Int
        let pushConflicts: Int
        let received: Int
        let own: Int
        let pullConflicts: Int
        let unreadable: Int
        let position: Int64
        let openDeadLetters: Int
        /// True when the station reset from a snapshot of the registry (its position was older
        /// than the central retention); `reset_rows` registry rows received.
        let reset: Bool
        let resetRows: Int

        enum CodingKeys: String, CodingKey {
            case sent, duplicates, refused, received, own, unreadable, position
            case pushConflicts = "push_conflicts"
            case pullConflicts = "pull_conflicts"
            case openDeadLetters = "open_dead_letters"
            case reset
            case resetRows = "reset_rows"
        }
    }

    func run() async throws {
        let session = try await SyncStationSession.open(homeOptions, withCentral: true)
        defer { session.close() }
        guard let engine = session.engine else { return }
        let report: SyncReport
        do { report = try await engine.once() } catch { throw SyncStationSession.failure(error) }
        let open = try await HomeOptions.run { try session.station.store.openDeadLetterCount() }
        let output = Output(
            sent: report.push.applied, duplicates: report.push.duplicates, refused: report.push.refused,
            pushConflicts: report.push.conflicts, received: report.pull.applied, own: report.pull.own,
            pullConflicts: report.pull.conflicts, unreadable: report.pull.deadLetters,
            position: try await HomeOptions.run { try session.station.store.syncPulledPosition() }, openDeadLetters: open,
            reset: report.reset, resetRows: report.resetRows)
        if json { return try SyncStationSession.printJSON(output) }
        if report.reset {
            print("ripristino dall'istantanea del registro centrale: \(report.resetRows) contatti (la posizione era più vecchia delle modifiche conservate)")
        }
        print("inviati \(output.sent) eventi (\(output.duplicates) già applicati, \(output.refused) rifiutati); "
            + "ricevute \(output.received) modifiche (\(output.own) proprie, \(output.unreadable) illeggibili); "
            + "conflitti: \(output.pushConflicts + output.pullConflicts); posizione \(output.position)")
        if open > 0 { print("sync bloccata: \(open) messaggi in sospeso (sportello-tui sync dead-letters)") }
    }
}
