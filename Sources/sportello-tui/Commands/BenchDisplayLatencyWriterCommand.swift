import ArgumentParser
import CounterTUI
import CruscottoModel
import Foundation
import LocalStore

/// The writer of `bench display-latency`: issues a ticket, calls it at a counter, each at a
/// random moment, and writes when each commit returned (wall-clock nanoseconds, so that the
/// other process can compare).
struct BenchDisplayLatencyWriterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "display-latency-writer",
        abstract: "Uso interno di display-latency: emette e chiama biglietti sul file centrale.",
        shouldDisplay: false
    )

    @Option var central: String
    @Option var tickets = 100
    @Option var marks: String

    func run() async throws {
        let clock = BenchDisplayMorningClock()
        let backend = try CentralQueueFile.openBackend(path: central, clock: clock)
        var lines: [String] = []
        var generator = SystemRandomNumberGenerator()
        for index in 0..<tickets {
            try await Task.sleep(nanoseconds: UInt64.random(in: 150_000_000...450_000_000, using: &generator))
            let ticket = try await backend.issue(IssueRequest(serviceCode: "ANA"))
            lines.append("issue \(ticket.id) \(BenchDisplayMorningClock.wallNanoseconds())")
            try await Task.sleep(nanoseconds: UInt64.random(in: 150_000_000...450_000_000, using: &generator))
            let counter = index % 2 + 1
            guard let claim = try await backend.claim(ClaimRequest(counter: counter, target: .specific(ticket.number))) else { continue }
            lines.append("call \(claim.ticket.id) \(BenchDisplayMorningClock.wallNanoseconds())")
            _ = try await backend.transition(TransitionRequest(
                ticketID: claim.ticket.id, token: claim.token,
                action: .close(outcome: "servito", procedures: [], contactID: nil), counter: counter))
        }
        try lines.joined(separator: "\n").write(toFile: marks, atomically: true, encoding: .utf8)
    }
}
