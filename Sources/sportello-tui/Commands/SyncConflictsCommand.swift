import ArgumentParser
import Foundation
import LocalStore

/// `sportello-tui sync conflicts [--json]`: conflicts recorded at this station, newest first.
struct SyncConflictsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "Conflitti registrati (righe modificate da due postazioni), con la regola applicata.")

    @OptionGroup var homeOptions: HomeOptions

    @Flag(help: "Uscita JSON.")
    var json = false

    func run() async throws {
        let session = try await SyncStationSession.open(homeOptions, withCentral: false)
        defer { session.close() }
        let conflicts = try await HomeOptions.run { try session.station.store.syncConflicts() }
        if json { return try SyncStationSession.printJSON(conflicts) }
        if conflicts.isEmpty { return print("nessun conflitto") }
        for conflict in conflicts {
            let when = conflict.detected == .push ? "all'invio" : "alla ricezione"
            print("\(conflict.id)\t\(conflict.at)\t\(conflict.table) \(conflict.rowID)\tcon \(conflict.otherStation) \(when)\t\(conflict.rule.description)")
        }
    }
}
