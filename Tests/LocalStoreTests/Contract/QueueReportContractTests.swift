import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// The report on every central backend: the same working days played through the queue
/// protocol on the embedded file and on PostgreSQL give identical facts and report JSON,
/// whether the closed days are read from their summaries or from their tickets.
@Suite(.enabled(if: PostgresTestDatabase.isAvailable)) struct QueueReportContractTests {
    static let config = ContractFixture.configuration()
    static let days = [LocalDay(year: 2026, month: 11, day: 25), LocalDay(year: 2026, month: 11, day: 26),
                       LocalDay(year: 2026, month: 11, day: 27)]
    /// The report is made on the evening of the last day, which is left open.
    static let reportTime = ContractFixture.rome("2026-11-27 19:00")

    /// Three seeded working days: the first two closed, the last still open (no closing).
    static func steps(seed: UInt64) -> [QueueContractStep] {
        days.enumerated().flatMap { index, day -> [QueueContractStep] in
            let start = ContractFixture.rome("\(day) 08:30")
            let script = QueueContractScript.random(seed: seed &+ UInt64(index), steps: 250, start: start,
                                                    configuration: config)
            guard index == days.count - 1 else { return script }
            return script.filter { if case .closeOffice = $0 { false } else { true } }
        }
    }

    struct Outcome: Sendable {
        var facts: QueueReportFacts
        var again: QueueReportFacts
        var fromTickets: QueueReportFacts
        var perDay: [QueueReportFacts]
        var summaries: Int
    }

    static func play(_ kind: ContractBackendKind, seed: UInt64) async throws -> Outcome {
        let clock = ContractClock(ContractFixture.rome("2026-11-25 08:00"))
        return try await kind.with(suite: "report\(seed)", configuration: config, clock: clock) { backend, _ in
            _ = await QueueContractRunner.run(steps(seed: seed), on: backend) { clock.set($0) }
            clock.set(reportTime)
            let source = try #require(backend as? any QueueReportSource)
            let facts = try await source.reportFacts(from: days[0], to: days[2])
            let again = try await source.reportFacts(from: days[0], to: days[2])
            var perDay: [QueueReportFacts] = []
            for day in days { perDay.append(try await source.reportFacts(from: day, to: day)) }
            switch backend {
            case let sqlite as SQLiteQueueBackend:
                let fromTickets = try await sqlite.reportFactsFromTickets(from: days[0], to: days[2])
                let summaries = try await sqlite.read { db, _ in
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM queue_report_day") ?? 0
                }
                return Outcome(facts: facts, again: again, fromTickets: fromTickets, perDay: perDay, summaries: summaries)
            case let postgres as PostgresQueueBackend:
                let fromTickets = try await postgres.reportFactsFromTickets(from: days[0], to: days[2])
                let summaries = try await postgres.central.text("SELECT count(*)::text FROM sportello.queue_report_day")
                return Outcome(facts: facts, again: again, fromTickets: fromTickets, perDay: perDay,
                               summaries: Int(summaries ?? "") ?? -1)
            default:
                Issue.record("backend inatteso")
                return Outcome(facts: facts, again: again, fromTickets: facts, perDay: perDay, summaries: -1)
            }
        }
    }

    static func json(_ facts: QueueReportFacts) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(QueueReport(facts: facts, configuration: config)), as: UTF8.self)
    }

    @Test(arguments: [UInt64(11), 12])
    func sameFactsOnTheEmbeddedFileAndOnPostgreSQL(seed: UInt64) async throws {
        let sqlite = try await Self.play(.sqlite, seed: seed)
        let postgres = try await Self.play(.postgres, seed: seed)
        #expect(postgres.facts == sqlite.facts)
        #expect(try Self.json(postgres.facts) == Self.json(sqlite.facts))
        // Summaries (second read) and tickets give the same facts on both.
        #expect(postgres.again == postgres.facts)
        #expect(postgres.fromTickets == postgres.facts)
        #expect(sqlite.fromTickets == sqlite.facts)
        #expect(postgres.perDay == sqlite.perDay)
        // The two closed days are summarised on both; the open day is not.
        #expect(sqlite.summaries == 2)
        #expect(postgres.summaries == 2)
        // The days really had something in them.
        let report = QueueReport(facts: postgres.facts, configuration: Self.config)
        #expect(report.issued > 100)
        #expect(report.called > 0)
        #expect(report.daysWithTickets == 3)
        #expect(!report.counters.isEmpty)
    }

    @Test func aChangedClosedDayLosesItsSummaryAndIsReadFromTickets() async throws {
        let clock = ContractClock(ContractFixture.rome("2026-11-25 08:00"))
        try await ContractBackendKind.postgres.with(suite: "report_change", configuration: Self.config, clock: clock) { backend, _ in
            _ = await QueueContractRunner.run(Self.steps(seed: 5), on: backend) { clock.set($0) }
            clock.set(Self.reportTime)
            let postgres = try #require(backend as? PostgresQueueBackend)
            let day = Self.days[0]
            let before = try await postgres.reportFacts(from: day, to: day)
            func summaries() async throws -> String? {
                try await postgres.central.text(
                    "SELECT count(*)::text FROM sportello.queue_report_day WHERE local_day = \(day.description)::date")
            }
            #expect(try await summaries() == "1")
            // A finished ticket of the closed day changes (the owner rewrites its outcome).
            _ = try await postgres.central.text("""
                UPDATE sportello.queue_ticket SET doc = jsonb_set(doc, '{outcome}', '"rinviato"'), version = version + 1
                 WHERE id = (SELECT min(id) FROM sportello.queue_ticket
                              WHERE local_day = \(day.description)::date AND state = 'done' AND doc->>'outcome' = 'servito')
                RETURNING id::text
                """)
            #expect(try await summaries() == "0")
            let after = try await postgres.reportFacts(from: day, to: day)
            #expect(after != before)
            #expect(after == (try await postgres.reportFactsFromTickets(from: day, to: day)))
            let served = { (facts: QueueReportFacts) in QueueReport(facts: facts, configuration: Self.config).served }
            #expect(served(after) == served(before) - 1)
            // Summarised again with the change.
            #expect(try await summaries() == "1")
            #expect(try await postgres.reportFacts(from: day, to: day) == after)
        }
    }
}
