import CruscottoModel
import Foundation
import Histogram
import LocalStore
import Synchronization

/// `bench claims --url postgresql://…`: concurrent callers on the PostgreSQL central database
/// through the product's own client (`PostgresQueueBackend` on one pool, one connection per
/// caller). Works in a new database `sportello_bench_<pid>` of that server (dropped at the end),
/// keeps the waiting set small by issuing in batches as the callers go, and checks the change
/// log for double calls. Then runs the same claim as bare SQL with pgbench, for the ratio.
struct BenchClaimsPostgres {
    var url: PostgresCentralURL
    var callers: Int
    var calls: Int
    var pgbench: String?
    var pgbenchSeconds: Int
    var keep: Bool
    /// Each claim after the first closes the ticket served in the same call
    /// (`transitionAndClaim`); otherwise a claim, then a close, as two calls.
    var closeAndCall: Bool

    struct Report: Encodable {
        var backend = "postgresql"
        /// "close_and_call" (one call per served ticket) or "claim_then_close" (two).
        var mode: String
        var central: String
        var callers: Int
        var calls: Int
        var seconds: Double
        var claimsPerS: Double
        var p50Ms: Double
        var p90Ms: Double
        var p99Ms: Double
        var p999Ms: Double
        var maxMs: Double
        var closeP50Ms: Double
        var closeP99Ms: Double
        var perCaller: [Int]
        var doubleClaims: Int
        var leftWaiting: Int
        var bare: [Bare]
        /// Product claims per second over the bare SQL claim's (pgbench, same server).
        var ratio: Double?

        struct Bare: Encodable {
            var script: String
            var clients: Int
            var seconds: Int
            var tps: Double
            var latencyAverageMs: Double
            var ratio: Double
        }
    }

    static let batch = 10_000

    func run() async throws -> Report {
        let name = "sportello_bench_\(getpid())"
        let target = url.with(database: name)
        try await PostgresCentralAdmin.execute(url, sql: "DROP DATABASE IF EXISTS \"\(name)\"")
        try await PostgresCentralAdmin.execute(url, sql: "CREATE DATABASE \"\(name)\"")
        do {
            let report = try await measure(target)
            if !keep { try await PostgresCentralAdmin.execute(url, sql: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)") }
            return report
        } catch {
            if !keep { try? await PostgresCentralAdmin.execute(url, sql: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)") }
            throw error
        }
    }

    private func measure(_ target: PostgresCentralURL) async throws -> Report {
        _ = try await CentralMigrator.migrate(target)
        let central = try await PostgresCentral.connect(target, maximumConnections: callers + 1)
        defer { central.shutdown() }
        let configuration = Self.configuration(counters: callers)
        try await PostgresQueueBackend.replaceConfiguration(configuration, in: central)
        let backend = try await PostgresQueueBackend.open(central: central, clock: SystemClock())
        // The waiting set stays between one and two batches: the feeder issues a batch
        // whenever fewer than one batch waits.
        let progress = Progress(backend: backend, total: calls)
        try await progress.feed()
        try await progress.feed()

        let closeAndCall = self.closeAndCall
        let start = ContinuousClock.now
        let results = try await withThrowingTaskGroup(of: CallerResult?.self) { group in
            group.addTask {
                while progress.issued.load(ordering: .relaxed) < progress.total {
                    if progress.issued.load(ordering: .relaxed) - progress.claimed.load(ordering: .relaxed) < Self.batch {
                        try await progress.feed()
                    } else {
                        try await Task.sleep(for: .milliseconds(20))
                    }
                }
                return nil
            }
            for counter in 1...callers {
                group.addTask {
                    var result = CallerResult()
                    var held: QueueClaim?
                    while true {
                        let begin = ContinuousClock.now
                        let claim: QueueClaim?
                        if let current = held, closeAndCall {
                            // The counter's own key: close the citizen served and call the next.
                            claim = try await backend.transitionAndClaim(
                                Self.close(current, counter: counter),
                                next: ClaimRequest(counter: counter, operatorID: "bench")).claim
                        } else {
                            claim = try await backend.claim(ClaimRequest(counter: counter, operatorID: "bench"))
                        }
                        let claimTime = ContinuousClock.now - begin
                        held = nil
                        guard let claim else {
                            if progress.issued.load(ordering: .relaxed) >= progress.total { break }
                            try await Task.sleep(for: .milliseconds(2))
                            continue
                        }
                        result.claim.record(claimTime)
                        progress.claimed.add(1, ordering: .relaxed)
                        result.ids.append(claim.ticket.id)
                        if closeAndCall {
                            held = claim
                        } else {
                            let closeBegin = ContinuousClock.now
                            _ = try await backend.transition(Self.close(claim, counter: counter))
                            result.close.record(ContinuousClock.now - closeBegin)
                        }
                    }
                    return result
                }
            }
            var all: [CallerResult] = []
            for try await result in group { if let result { all.append(result) } }
            return all
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18

        var claims = LatencyHistogram()
        var closes = LatencyHistogram()
        var ids: [Int64] = []
        for result in results {
            claims.merge(result.claim)
            closes.merge(result.close)
            ids += result.ids
        }
        let check = try await backend.checkClaims(day: LocalDay(containing: Date()))
        let doubles = check.calledTwice + (ids.count - Set(ids).count)
        let claimsPerS = Double(ids.count) / max(seconds, 1e-9)
        var bare: [Report.Bare] = []
        if let pgbench {
            for script in BenchBareClaim.Script.allCases {
                let result = try await BenchBareClaim.run(pgbench: pgbench, url: target, script: script, clients: callers,
                                                   seconds: pgbenchSeconds)
                bare.append(Report.Bare(script: script.rawValue, clients: callers, seconds: pgbenchSeconds, tps: result.tps,
                                        latencyAverageMs: result.latencyMs, ratio: claimsPerS / max(result.tps, 1e-9)))
            }
        }
        return Report(
            mode: closeAndCall ? "close_and_call" : "claim_then_close", central: url.display, callers: callers, calls: ids.count, seconds: seconds, claimsPerS: claimsPerS,
            p50Ms: claims.ms(50), p90Ms: claims.ms(90), p99Ms: claims.ms(99), p999Ms: claims.ms(99.9), maxMs: claims.maxMs,
            closeP50Ms: closes.ms(50), closeP99Ms: closes.ms(99), perCaller: results.map(\.ids.count).sorted(),
            doubleClaims: doubles, leftWaiting: check.waiting, bare: bare,
            ratio: bare.first(where: { $0.script == BenchBareClaim.Script.claimLogNotify.rawValue })?.ratio)
    }

    /// Tickets issued and claimed so far, shared by the feeder and the callers.
    final class Progress: Sendable {
        let backend: PostgresQueueBackend
        let total: Int
        let issued = Atomic<Int>(0)
        let claimed = Atomic<Int>(0)
        static let services = ["ANA", "STC", "CIE"]

        init(backend: PostgresQueueBackend, total: Int) {
            self.backend = backend
            self.total = total
        }

        func feed() async throws {
            let done = issued.load(ordering: .relaxed)
            let count = min(BenchClaimsPostgres.batch, total - done)
            guard count > 0 else { return }
            try await backend.issueInBulk(serviceCode: Self.services[(done / BenchClaimsPostgres.batch) % Self.services.count],
                                          count: count, priorityEvery: 10, priority: "over75")
            issued.add(count, ordering: .relaxed)
        }
    }

    struct CallerResult: Sendable {
        var claim = LatencyHistogram()
        var close = LatencyHistogram()
        var ids: [Int64] = []
    }

    static func close(_ claim: QueueClaim, counter: Int) -> TransitionRequest {
        TransitionRequest(ticketID: claim.ticket.id, token: claim.token,
                          action: .close(outcome: "servito", procedures: [], contactID: nil), counter: counter)
    }

    /// One counter per caller, all serving the three services of the load.
    static func configuration(counters: Int) -> QueueConfiguration {
        let allDay = OpeningHours(Weekday.allCases, [OpeningInterval(parsing: "00:00-24:00")!])
        let services = [
            Service(code: "ANA", name: "Anagrafe", prefix: "A", colour: .blue, hours: allDay, typicalServiceMinutes: 8),
            Service(code: "STC", name: "Stato civile", prefix: "S", colour: .yellow, hours: allDay, typicalServiceMinutes: 12),
            Service(code: "CIE", name: "Carta d'identità elettronica", prefix: "C", colour: .green, hours: allDay,
                    typicalServiceMinutes: 20),
        ]
        return QueueConfiguration(
            services: services, priorityPolicy: PriorityPolicy(interleave: 3, maxWaitMinutes: nil),
            profiles: [CounterProfile(code: "poli", name: "polifunzionale", serviceCodes: ["ANA", "STC", "CIE"])],
            counters: (1...counters).map { Counter(number: $0, profileCode: "poli") })
    }
}
