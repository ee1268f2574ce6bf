import ArgumentParser
import CruscottoModel
import Foundation
import Histogram
import LocalStore

/// `bench claim-worker` (hidden): one caller process of `bench claims`. Opens the central
/// file, says `ready`, waits for `go` on stdin, then calls and closes tickets for its
/// counter until the queue is empty, timing every claim. Writes its result (JSON) and the
/// ids it claimed (little-endian Int64s) beside `--out`.
struct BenchClaimWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim-worker", abstract: "Processo chiamante di bench claims.", shouldDisplay: false)

    @Option(name: .long, help: ArgumentHelp("Database centrale (sqlite:///PERCORSO).", valueName: "URL"))
    var central: String

    @Option(name: .long, help: ArgumentHelp("Sportello di questo processo.", valueName: "N"))
    var counter: Int

    @Option(name: .long, help: ArgumentHelp("File del risultato (JSON).", valueName: "FILE"))
    var out: String

    /// What a worker reports to `bench claims`.
    struct Result: Codable {
        var counter: Int
        var claims: Int
        var claimMicros: Histogram<UInt64>
        var closeMicros: Histogram<UInt64>
        /// Longest time between two of this caller's successful claims (or from the start).
        var longestGapMicros: UInt64
        var startedAt: Double
        var endedAt: Double
    }

    func run() throws {
        guard central.hasPrefix("sqlite:///") else { throw CommandFailure.usage("serve --central sqlite:///PERCORSO") }
        let backend: SQLiteQueueBackend
        do {
            backend = try CentralQueueFile.openBackend(path: String(central.dropFirst("sqlite://".count)),
                                                       clock: SystemClock())
        } catch let error as QueueBackendError {
            throw CommandFailure.usage(error.description)
        } catch {
            throw HomeOptions.failure(for: error)
        }
        FileHandle.standardOutput.write(Data("ready\n".utf8))
        guard readLine() == "go" else { throw CommandFailure.usage("segnale di partenza mancante") }

        var claimMicros = Histogram<UInt64>(highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: .three)
        var closeMicros = claimMicros
        var ids: [Int64] = []
        ids.reserveCapacity(1 << 16)
        let started = DispatchTime.now().uptimeNanoseconds
        var lastClaim = started
        var longestGap: UInt64 = 0
        let close = TicketAction.close(outcome: OutcomeCode.servito.code, procedures: [], contactID: nil)
        while true {
            let before = DispatchTime.now().uptimeNanoseconds
            let claim: QueueClaim?
            do {
                claim = try backend.claimNow(ClaimRequest(counter: counter, operatorID: "bench\(counter)"))
            } catch let error as QueueBackendError {
                throw CommandFailure.rejected("sportello \(counter): \(error.description)")
            }
            let after = DispatchTime.now().uptimeNanoseconds
            guard let claim else { break }
            _ = claimMicros.record((after - before) / 1000)
            longestGap = max(longestGap, (after - lastClaim) / 1000)
            lastClaim = after
            ids.append(claim.ticket.id)
            do {
                _ = try backend.transitionNow(TransitionRequest(
                    ticketID: claim.ticket.id, token: claim.token, action: close, counter: counter))
            } catch let error as QueueBackendError {
                throw CommandFailure.rejected("sportello \(counter): \(error.description)")
            }
            _ = closeMicros.record((DispatchTime.now().uptimeNanoseconds - after) / 1000)
        }
        let ended = DispatchTime.now().uptimeNanoseconds
        let result = Result(counter: counter, claims: ids.count, claimMicros: claimMicros, closeMicros: closeMicros,
                            longestGapMicros: longestGap, startedAt: Double(started) / 1e9, endedAt: Double(ended) / 1e9)
        try JSONEncoder().encode(result).write(to: URL(fileURLWithPath: out))
        let raw = ids.withUnsafeBufferPointer { Data(buffer: $0) }
        try raw.write(to: URL(fileURLWithPath: out + ".ids"))
    }
}
