import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// `queue day open`: opens today's office day (Europe/Rome).
struct QueueDayOpenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Apre la giornata dell'ufficio: da qui si registrano sportelli, pause e tempi liberi.")

    @OptionGroup var central: QueueCentralOptions

    func run() async throws {
        let clock = try QueueClock.make()
        let backend = try await central.openQueue(clock: clock)
        try await queueOperation { try await backend.openOffice() }
        print("Ufficio aperto: giornata \(LocalDay(containing: clock.now())).")
    }
}
