import Foundation
import Testing
@testable import CruscottoModel

@Suite struct WaitEstimatorTests {
    static let now = rome("2026-11-30 10:42")

    static func status(waiting: [String: Int], staffed: [Int: QueueStatus.CounterLine.Activity]) -> QueueStatus {
        let config = Fixture.configuration()
        return QueueStatus(
            at: now, day: LocalDay(containing: now), officeOpen: true,
            services: config.services.map {
                QueueStatus.ServiceLine(serviceCode: $0.code, name: $0.name, prefix: $0.prefix, isOpen: true,
                                        waiting: waiting[$0.code] ?? 0, priorityWaiting: 0,
                                        longestWaitMinutes: nil, longestWaitNumber: nil)
            },
            counters: config.counters.map {
                QueueStatus.CounterLine(number: $0.number, label: $0.label, operatorID: nil,
                                        activity: staffed[$0.number] ?? .closed, pauseReason: nil, since: nil,
                                        ticketNumber: nil, ticketState: nil, directedWaiting: 0)
            })
    }

    /// Worked by hand: 7 people wait for Anagrafe; counters 1 (busy) and 3 (idle, CIE profile
    /// also serves ANA) are staffed, counter 2 is paused; recent Anagrafe services took
    /// 300, 420, 360 and 480 s (mean 390 s). 7 × 390 s = 2730 s over 2 counters = 1365 s
    /// = 22.75 min → 23 minutes.
    @Test func handComputedCase() {
        var samples = ServiceTimeSamples()
        for (i, seconds) in [300, 420, 360, 480].enumerated() {
            samples.record(serviceCode: "ANA", seconds: seconds, endedAt: Self.now.addingTimeInterval(Double(-600 * (i + 1))))
        }
        let estimator = WaitEstimator(configuration: Fixture.configuration())
        let status = Self.status(waiting: ["ANA": 7], staffed: [1: .busy, 2: .paused, 3: .idle])
        let basis = estimator.basis(serviceCode: "ANA", status: status, samples: samples, now: Self.now)
        #expect(basis == WaitEstimateBasis(serviceSeconds: 390, counters: 2, samples: 4))
        let estimate = estimator.estimate(serviceCode: "ANA", status: status, samples: samples, now: Self.now)
        #expect(estimate == WaitEstimate(peopleAhead: 7, minutes: 23))
        #expect(estimate?.shortItalianText == "circa 23 min")
    }

    @Test func typicalMinutesWithoutEnoughRecentSamples() {
        var samples = ServiceTimeSamples()
        samples.record(serviceCode: "CIE", seconds: 900, endedAt: Self.now.addingTimeInterval(-60))
        samples.record(serviceCode: "CIE", seconds: 900, endedAt: Self.now.addingTimeInterval(-120))
        // Old samples fall out of the window.
        samples.record(serviceCode: "CIE", seconds: 60, endedAt: Self.now.addingTimeInterval(-3 * 3600))
        let estimator = WaitEstimator(configuration: Fixture.configuration())
        // Nobody staffed: the CIE service is listed by the profiles of counters 1, 2 and 3.
        let basis = estimator.basis(serviceCode: "CIE", status: nil, samples: samples, now: Self.now)
        #expect(basis == WaitEstimateBasis(serviceSeconds: 15 * 60, counters: 3, samples: 0))
        #expect(basis?.minutes(peopleAhead: 4) == 20)
        #expect(estimator.basis(serviceCode: "XXX", status: nil, samples: samples, now: Self.now) == nil)
    }

    @Test(arguments: [
        (0, 390, 2, 0), (1, 390, 2, 4), (1, 60, 1, 1), (2, 61, 1, 3), (10, 600, 4, 25),
    ])
    func minutesRoundUp(ahead: Int, seconds: Int, counters: Int, minutes: Int) {
        #expect(WaitEstimateBasis(serviceSeconds: seconds, counters: counters, samples: 3).minutes(peopleAhead: ahead) == minutes)
    }

    @Test func samplesStayBoundedAndLearnFromClosedTickets() {
        var samples = ServiceTimeSamples(capacity: 5)
        for i in 0..<1000 {
            samples.record(serviceCode: "ANA", seconds: 100 + i, endedAt: Self.now)
        }
        #expect(samples.count == 5)
        #expect(samples.recent("ANA", now: Self.now).sorted() == [1095, 1096, 1097, 1098, 1099])
        samples.record(serviceCode: "ANA", seconds: 3, endedAt: Self.now)
        #expect(samples.recent("ANA", now: Self.now).count == 5)
    }

    @Test func backendKeepsTheIssuersEstimate() async throws {
        let clock = TestClock(rome("2026-11-30 09:00"))
        let backend = try InMemoryQueueBackend(configuration: Fixture.configuration(), clock: clock)
        for _ in 0..<3 { _ = try await backend.issue(IssueRequest(serviceCode: "ANA")) }
        let basis = WaitEstimateBasis(serviceSeconds: 390, counters: 2, samples: 4)
        let ticket = try await backend.issue(IssueRequest(serviceCode: "ANA", estimateBasis: basis))
        #expect(ticket.peopleAheadAtIssue == 3 && ticket.estimatedWaitMinutes == 10)
        #expect(WaitEstimate(ticket: ticket) == WaitEstimate(peopleAhead: 3, minutes: 10))
    }

    @Test func comparisonOfEstimateAndRealWait() throws {
        var early = Fixture.ticket(1, arrival: Self.now)
        early.estimatedWaitMinutes = 10
        early.firstCalledAt = Self.now.addingTimeInterval(4 * 60)
        var late = Fixture.ticket(2, arrival: Self.now)
        late.estimatedWaitMinutes = 10
        late.firstCalledAt = Self.now.addingTimeInterval(22 * 60)
        let waiting = Fixture.ticket(3, arrival: Self.now)
        let comparison = WaitEstimateComparison(tickets: [early, late, waiting])
        #expect(comparison.count == 2)
        #expect(comparison.meanErrorMinutes == 3)
        #expect(comparison.meanAbsoluteErrorMinutes == 9)
        #expect(comparison.withinFiveMinutesShare == 0.5)
    }
}
