import CruscottoModel
import Foundation

/// A simulated day played on `SQLiteQueueBackend` over a new central file, and the day's
/// report read back from its tables, compared with what the simulation recorded.
public struct QueueDaySimulationRun: Sendable {
    /// The report computed from the store's facts.
    public var report: QueueReport
    /// The report computed from the simulation's own record.
    public var expected: QueueReport
    public var storeFacts: QueueReportFacts
    public var simulationFacts: QueueReportFacts
    public var operations: Int
    public var issuedByService: [String: Int]

    /// Each part of the facts that differs, described (empty when everything matches).
    public var mismatches: [String] {
        var lines: [String] = []
        func check<T: Equatable>(_ name: String, _ a: T, _ b: T) {
            if a != b { lines.append("\(name): rapporto \(a) ≠ simulazione \(b)") }
        }
        check("attese", storeFacts.waits, simulationFacts.waits)
        check("arrivi", storeFacts.arrivals, simulationFacts.arrivals)
        check("esiti", storeFacts.endings, simulationFacts.endings)
        check("tempi di servizio", storeFacts.serviceTimes, simulationFacts.serviceTimes)
        check("stime", storeFacts.estimates, simulationFacts.estimates)
        check("eventi", storeFacts.eventCounts, simulationFacts.eventCounts)
        check("sportelli", storeFacts.counterDays, simulationFacts.counterDays)
        check("rapporto", report, expected)
        return lines
    }

    public static func play(day: LocalDay, seed: UInt64, path: String) async throws -> QueueDaySimulationRun {
        var simulation = QueueDaySimulation(plan: QueueDayPlan.standard(day: day, seed: seed))
        let clock = SimulationClock(simulation.instant(minute: 7 * 60))
        let backend = try CentralQueueFile.openBackend(path: path, clock: clock)
        try await backend.replaceConfiguration(simulation.plan.configuration)
        try await simulation.run(on: backend) { clock.set($0) }
        // The report is read the evening of the simulated day.
        clock.set(simulation.instant(minute: 20 * 60))
        let storeFacts = try await backend.reportFacts(from: day, to: day)
        let simulationFacts = simulation.facts
        let configuration = simulation.plan.configuration
        return QueueDaySimulationRun(
            report: QueueReport(facts: storeFacts, configuration: configuration),
            expected: QueueReport(facts: simulationFacts, configuration: configuration),
            storeFacts: storeFacts, simulationFacts: simulationFacts, operations: simulation.operations,
            issuedByService: simulation.issuedByService)
    }
}
