import ArgumentParser
import Foundation
import LocalStore

/// `sportello-tui sync dead-letters [--json] [--all]`: events set aside.
struct SyncDeadLettersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dead-letters",
        abstract: "Messaggi in sospeso: eventi rifiutati dal database centrale e dati centrali illeggibili.")

    @OptionGroup var homeOptions: HomeOptions

    @Flag(help: "Uscita JSON.")
    var json = false

    @Flag(help: "Anche quelli già risolti (saltati o ritentati).")
    var all = false

    func run() async throws {
        let session = try await SyncStationSession.open(homeOptions, withCentral: false)
        defer { session.close() }
        let letters = try await HomeOptions.run { try session.station.store.syncDeadLetters(includeResolved: all) }
        if json { return try SyncStationSession.printJSON(letters) }
        if letters.isEmpty { return print("nessun messaggio in sospeso") }
        for letter in letters {
            let direction = letter.direction == .push ? "invio" : "ricezione"
            let state = letter.state == .open ? "" : "  [\(letter.state == .skipped ? "saltato" : "ritentato") \(letter.resolvedAt ?? "")]"
            print("\(letter.id)\t\(letter.failedAt)\t\(direction)\t\(letter.type) v\(letter.payloadVersion)\t\(letter.eventID)\t\(letter.reason)\(state)")
        }
    }
}
