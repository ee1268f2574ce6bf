import ArgumentParser
import Foundation
import LocalStore

/// `central prune [--keep-days N] [--url URL] [--json]`: deletes the central change log's rows
/// older than N days, in one transaction, and records the floor; a station behind it resets
/// from a snapshot of the registry at its next exchange (docs/SYNC.md). The central side is
/// `--url` (PostgreSQL, the owner's user) or else the station's `central` setting (the
/// embedded file; a PostgreSQL station role is refused: it may only call the station functions).
struct CentralPruneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Elimina dal registro delle modifiche del database centrale le righe più vecchie di N giorni.")

    @Option(name: .customLong("keep-days"), parsing: .unconditional, help: ArgumentHelp(
        "Giorni di modifiche da conservare (predefinito: \(SyncRetention.defaultKeepDays)).", valueName: "N"))
    var keepDays: String?

    @Option(name: .long, help: ArgumentHelp(
        "Database centrale PostgreSQL con l'utente proprietario: postgresql://UTENTE@HOST:PORTA/DB (altrimenti quello della postazione).",
        valueName: "URL"))
    var url: String?

    @OptionGroup var homeOptions: HomeOptions

    @Flag(help: "Uscita JSON.")
    var json = false

    struct Output: Encodable {
        let keepDays: Int
        let deleted: Int64
        let floor: Int64
        let kept: Int64
        let lastPosition: Int64

        enum CodingKeys: String, CodingKey {
            case deleted, floor, kept
            case keepDays = "keep_days"
            case lastPosition = "last_position"
        }
    }

    func run() async throws {
        let days = try Self.days(keepDays)
        let result: SyncPruneResult
        if let url {
            let parsed: PostgresCentralURL
            do { parsed = try PostgresCentralURL(parsing: url) } catch { throw CommandFailure.usage(error.description) }
            let central: PostgresCentral
            do { central = try await PostgresCentral.connect(parsed, maximumConnections: 1) } catch { throw error.commandFailure }
            defer { central.shutdown() }
            do { result = try await PostgresSyncCentral(central: central).prune(keepDays: days, at: Date()) } catch {
                throw SyncStationSession.failure(error)
            }
        } else {
            let session = try await SyncStationSession.open(homeOptions, withCentral: true)
            defer { session.close() }
            guard let central = session.central else { throw CommandFailure.usage("nessun database centrale configurato") }
            do { result = try await central.prune(keepDays: days, at: Date()) } catch { throw SyncStationSession.failure(error) }
        }
        let output = Output(keepDays: days, deleted: result.deleted, floor: result.floor, kept: result.kept,
                            lastPosition: result.lastPosition)
        if json { return try SyncStationSession.printJSON(output) }
        print("eliminate \(output.deleted) modifiche più vecchie di \(days) giorni; conservate \(output.kept); "
            + "posizione minima conservata \(output.floor) (ultima \(output.lastPosition))")
    }

    /// The days to keep: a whole number from 0 to the maximum, else a usage error in Italian.
    static func days(_ text: String?) throws -> Int {
        guard let text else { return SyncRetention.defaultKeepDays }
        guard let days = Int(text.trimmingCharacters(in: .whitespaces)), (0...SyncRetention.maximumKeepDays).contains(days) else {
            throw CommandFailure.usage("giorni da conservare non validi: \(text) (un numero intero da 0 a \(SyncRetention.maximumKeepDays))")
        }
        return days
    }
}
