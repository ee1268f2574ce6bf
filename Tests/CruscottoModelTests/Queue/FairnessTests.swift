import Foundation
import Testing
@testable import CruscottoModel

/// A simulated morning on the reference backend with random arrivals and service times.
@Suite struct FairnessTests {
    struct Outcome {
        var waits: [(priority: Bool, service: String, minutes: Double)] = []
        /// Called tickets in call order.
        var called: [Ticket] = []
        var issued = 0
        var callsPerTicket: [Int64: Int] = [:]
        var tokens: [FencingToken] = []
    }

    /// Four counters (three polifunzionali, one CIE), arrivals for eight hours at about 95% of
    /// capacity, 15% priority tickets; counters serve until nobody waits.
    static func simulate(seed: UInt64, policy: PriorityPolicy, priorityShare: Double = 0.15) async throws -> Outcome {
        var random = SeededGenerator(seed: seed)
        var config = Fixture.configuration(hours: Fixture.allDay, policy: policy)
        config.counters[3] = Counter(number: 4, profileCode: "poli")
        let clock = TestClock(rome("2026-11-30 08:30"))
        let backend = try InMemoryQueueBackend(configuration: config, clock: clock)
        var outcome = Outcome()
        var busyUntil: [Int: (minute: Int, ticket: Int64, token: FencingToken)] = [:]
        let arrivals: [(code: String, perMinute: Double, service: ClosedRange<Int>)] = [
            ("ANA", 0.33, 3...11), ("CIE", 0.08, 10...20), ("STC", 0.05, 5...13),
        ]
        var minute = 0
        while true {
            let stillWaiting = await backend.status().totalWaiting
            if minute >= 480, busyUntil.isEmpty, stillWaiting == 0 { break }
            clock.set(rome("2026-11-30 08:30").addingTimeInterval(Double(minute) * 60))
            if minute < 480 {
                for arrival in arrivals where Double.random(in: 0..<1, using: &random) < arrival.perMinute {
                    let priority = Double.random(in: 0..<1, using: &random) < priorityShare ? "over75" : nil
                    _ = try await backend.issue(IssueRequest(serviceCode: arrival.code, priority: priority))
                    outcome.issued += 1
                }
            }
            for counter in 1...4 {
                if let job = busyUntil[counter], job.minute <= minute {
                    _ = try await backend.transition(TransitionRequest(
                        ticketID: job.ticket, token: job.token,
                        action: .close(outcome: "servito", procedures: [], contactID: nil), counter: counter))
                    busyUntil[counter] = nil
                }
                if busyUntil[counter] == nil, let claim = try await backend.claim(ClaimRequest(counter: counter)) {
                    let t = claim.ticket
                    outcome.waits.append((t.isPriority, t.serviceCode, (t.firstCalledAt!.timeIntervalSince(t.arrival)) / 60))
                    outcome.called.append(t)
                    outcome.callsPerTicket[t.id, default: 0] += 1
                    outcome.tokens.append(claim.token)
                    _ = try await backend.transition(TransitionRequest(
                        ticketID: t.id, token: claim.token, action: .startService, counter: counter))
                    let range = arrivals.first { $0.code == t.serviceCode }!.service
                    busyUntil[counter] = (minute + Int.random(in: range, using: &random), t.id, claim.token)
                }
            }
            minute += 1
            if minute > 24 * 60 { break }
        }
        return outcome
    }

    static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(1, values.count)) }

    /// A priority ticket is never called after an ordinary ticket of its service that arrived
    /// after it: outside the interleave's jumps it keeps its place in line, so the policy can
    /// only shorten its wait. (Exact, unlike comparing means, which also depend on how the
    /// priority tickets happened to fall among services with very different waits.)
    static func expectPriorityNeverOvertaken(_ outcome: Outcome) {
        var overtaken = 0
        for p in outcome.called where p.isPriority {
            overtaken += outcome.called.filter { o in
                !o.isPriority && o.serviceCode == p.serviceCode && o.arrival > p.arrival
                    && o.firstCalledAt! < p.firstCalledAt!
            }.count
        }
        #expect(overtaken == 0)
    }

    /// Mean waits of priority and ordinary tickets of one service.
    static func means(_ outcome: Outcome, service: String) -> (priority: Double, ordinary: Double) {
        (mean(outcome.waits.filter { $0.priority && $0.service == service }.map { $0.minutes }),
         mean(outcome.waits.filter { !$0.priority && $0.service == service }.map { $0.minutes }))
    }

    @Test(arguments: [UInt64(1), 7, 42, 2026, 3, 4, 5, 6, 8, 9])
    func nobodyStarvesAndPriorityWaitsLess(seed: UInt64) async throws {
        let outcome = try await Self.simulate(seed: seed, policy: PriorityPolicy(interleave: 3, maxWaitMinutes: 40))
        #expect(outcome.issued > 50)
        // Everyone issued was called, exactly once, with distinct increasing tokens.
        #expect(outcome.waits.count == outcome.issued)
        #expect(outcome.callsPerTicket.values.allSatisfy { $0 == 1 })
        #expect(outcome.tokens == outcome.tokens.sorted() && Set(outcome.tokens).count == outcome.tokens.count)
        let priority = outcome.waits.filter { $0.priority }.map { $0.minutes }
        let ordinary = outcome.waits.filter { !$0.priority }.map { $0.minutes }
        #expect(!priority.isEmpty && !ordinary.isEmpty)
        #expect(Self.mean(priority) <= Self.mean(ordinary))
        Self.expectPriorityNeverOvertaken(outcome)
        // Promotion bounds every wait: nobody waits much past the maximum wait (40').
        let longest = outcome.waits.map { $0.minutes }.max() ?? 0
        #expect(longest <= 40 + 30, "attesa massima \(longest)")
    }

    /// Even when priority tickets are many more than one in N they are never overtaken, and in
    /// the busiest service they still wait less on average.
    @Test(arguments: [UInt64(11), 12, 13, 14])
    func manyPriorityTicketsStillWaitNoLonger(seed: UInt64) async throws {
        let outcome = try await Self.simulate(seed: seed, policy: PriorityPolicy(interleave: 3, maxWaitMinutes: 40),
                                              priorityShare: 0.45)
        let priority = outcome.waits.filter { $0.priority }.map { $0.minutes }
        let ordinary = outcome.waits.filter { !$0.priority }.map { $0.minutes }
        #expect(outcome.waits.count == outcome.issued)
        #expect(priority.count > 50 && ordinary.count > 50)
        Self.expectPriorityNeverOvertaken(outcome)
        let anagrafe = Self.means(outcome, service: "ANA")   // the service with most tickets
        #expect(anagrafe.priority <= anagrafe.ordinary)
    }

    /// One counter that prefers ANA, flooded with ANA tickets: the STC ticket is still called
    /// once it has waited the maximum wait, and would never be without promotion.
    @Test(arguments: [(Int?.some(30), true), (nil, false)])
    func lowerPreferenceIsNotStarved(maxWait: Int?, served: Bool) async throws {
        var config = Fixture.configuration(hours: Fixture.allDay, policy: PriorityPolicy(interleave: 3, maxWaitMinutes: maxWait))
        config.counters = [Counter(number: 1, profileCode: "poli")]
        let clock = TestClock(rome("2026-11-30 09:00"))
        let backend = try InMemoryQueueBackend(configuration: config, clock: clock)
        let lonely = try await backend.issue(IssueRequest(serviceCode: "STC"))
        var calledLonely = false
        for _ in 0..<120 {
            _ = try await backend.issue(IssueRequest(serviceCode: "ANA"))
            _ = try await backend.issue(IssueRequest(serviceCode: "ANA"))
            clock.advance(minutes: 1)
            let claim = try #require(try await backend.claim(ClaimRequest(counter: 1)))
            if claim.ticket.id == lonely.id { calledLonely = true; break }
            _ = try await backend.transition(TransitionRequest(
                ticketID: claim.ticket.id, token: claim.token,
                action: .close(outcome: "informazione", procedures: [], contactID: nil), counter: 1))
        }
        #expect(calledLonely == served)
    }

    /// Many counters claiming at once never get the same ticket.
    @Test func concurrentClaimsNeverShareATicket() async throws {
        var config = Fixture.configuration(hours: Fixture.allDay)
        config.counters = (1...8).map { Counter(number: $0, profileCode: $0 % 2 == 0 ? "cie" : "poli") }
        let backend = try InMemoryQueueBackend(configuration: config, clock: TestClock(rome("2026-11-30 10:00")))
        for i in 0..<200 {
            _ = try await backend.issue(IssueRequest(serviceCode: ["ANA", "CIE", "STC"][i % 3], priority: i % 7 == 0 ? "over75" : nil))
        }
        let claims = try await withThrowingTaskGroup(of: [QueueClaim].self) { group in
            for counter in 1...8 {
                group.addTask {
                    var mine: [QueueClaim] = []
                    while let claim = try await backend.claim(ClaimRequest(counter: counter)) {
                        mine.append(claim)
                        _ = try await backend.transition(TransitionRequest(
                            ticketID: claim.ticket.id, token: claim.token,
                            action: .close(outcome: "servito", procedures: [], contactID: nil), counter: counter))
                    }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(claims.count == 200)
        #expect(Set(claims.map(\.ticket.id)).count == 200)
        #expect(Set(claims.map(\.token)).count == 200)
    }
}
