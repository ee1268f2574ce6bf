import ArgumentParser
import Foundation
import LocalStore

/// `central status --url URL`: server, schema versions and the stations with their last contact.
struct CentralStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Stato del database centrale: versioni e postazioni con l'ultimo contatto.")

    @OptionGroup var central: CentralURLOption

    @Flag(name: .long, help: "Stampa il risultato in JSON.")
    var json = false

    func run() async throws {
        let url = try central.parsed()
        let status: PostgresCentralAdmin.Status
        do { status = try await PostgresCentralAdmin.status(url) } catch { throw error.commandFailure }
        if json {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(status), as: UTF8.self))
            return
        }
        print("Server PostgreSQL \(status.server), database \(status.database)")
        print("Schema centrale \(status.schemaVersion) (questo programma: \(status.programSchemaVersion))")
        print("Configurazione della coda: " + (status.configurationVersion.map { "versione \($0)" } ?? "assente"))
        if status.stations.isEmpty { print("Nessuna postazione registrata.") }
        for station in status.stations {
            let contact = station.lastContact.map { ISO8601DateFormatter().string(from: $0) } ?? "mai"
            let program = station.programVersion ?? "-"
            print("\(station.name)\t\(station.role)\tultimo contatto: \(contact)\tprogramma: \(program)")
        }
    }
}
