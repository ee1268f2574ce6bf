import ArgumentParser
import Foundation
import LocalStore

/// `central migrate --url URL`: applies the central schema's pending migrations.
struct CentralMigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Applica le migrazioni dello schema centrale (ognuna in una transazione).")

    @OptionGroup var central: CentralURLOption

    @Flag(name: .long, help: "Stampa il risultato in JSON.")
    var json = false

    func run() async throws {
        let url = try central.parsed()
        let outcome: CentralMigrator.Outcome
        do { outcome = try await CentralMigrator.migrate(url) } catch { throw error.commandFailure }
        if json {
            let object: [String: Any] = ["before": outcome.before, "after": outcome.after, "applied": outcome.applied]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else if outcome.applied.isEmpty {
            print("Schema centrale già aggiornato (versione \(outcome.after)).")
        } else {
            print("Schema centrale: versione \(outcome.before) → \(outcome.after) (\(outcome.applied.joined(separator: ", "))).")
        }
    }
}
