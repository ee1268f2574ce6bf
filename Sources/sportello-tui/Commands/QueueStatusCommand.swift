import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// `queue status [--json]`: waiting per service and the counters, now.
struct QueueStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Stato della coda: attese per servizio e sportelli.")

    @OptionGroup var central: QueueCentralOptions

    @Flag(name: .long, help: "Stampa lo stato in JSON.")
    var json = false

    func run() async throws {
        let backend = try await central.openQueue(clock: try QueueClock.make())
        let status = try await queueOperation { try await backend.status() }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(status), as: UTF8.self))
            return
        }
        print("Coda del \(status.day) – ufficio \(status.officeOpen ? "aperto" : "non aperto"), "
            + "\(status.totalWaiting) in attesa")
        for line in status.services {
            var text = "  \(line.prefix)  \(line.name): \(line.waiting) in attesa"
            if line.priorityWaiting > 0 { text += " (\(line.priorityWaiting) con priorità)" }
            if let number = line.longestWaitNumber, let minutes = line.longestWaitMinutes {
                text += ", attesa più lunga \(minutes) min (\(number))"
            }
            if !line.isOpen { text += " – chiuso" }
            print(text)
        }
        for counter in status.counters {
            let name = counter.label.map { "Sportello \(counter.number) (\($0))" } ?? "Sportello \(counter.number)"
            let activity = switch counter.activity {
            case .closed: "chiuso"
            case .idle: "libero"
            case .busy: "occupato"
            case .paused: "in pausa" + (counter.pauseReason.map { " (\($0))" } ?? "")
            }
            var text = "  \(name): \(activity)"
            if let op = counter.operatorID { text += ", operatore \(op)" }
            if let number = counter.ticketNumber, let state = counter.ticketState {
                text += ", biglietto \(number) \(state.italianName)"
            }
            if counter.directedWaiting > 0 { text += ", \(counter.directedWaiting) trasferiti in attesa" }
            print(text)
        }
    }
}
