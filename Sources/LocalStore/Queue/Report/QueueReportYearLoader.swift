import CruscottoModel
import Foundation
import GRDB

/// Loads a long history of office days straight into the central file (benchmarks of the
/// report: a year is 375,000 tickets, which would take hours through the protocol). Each
/// ticket's history is made by the model's own transitions (`Ticket.applying`) and written
/// with the backend's row mapping; each day's counters are an `OfficeDay` with sign-ins,
/// busy/free changes, one pause per counter and the closing. One transaction per day.
///
/// The days are the `days` weekdays (Monday–Friday) ending at `lastDay`; arrivals are
/// uniform over 8:30–12:30, counters serve in arrival order as they free up (3–9 minutes a
/// citizen), 4% of the called do not show up, 2% are transferred once.
public enum QueueReportYearLoader {
    public struct Summary: Sendable {
        public var firstDay: LocalDay
        public var lastDay: LocalDay
        public var days: Int
        public var tickets: Int
        public var events: Int
    }

    public static let services = ["ANA", "STC", "CIE", "URP"]

    public static func load(
        into backend: SQLiteQueueBackend, lastDay: LocalDay, days: Int, ticketsPerDay: Int, counters: Int, seed: UInt64
    ) throws -> Summary {
        var workdays: [LocalDay] = []
        var day = lastDay
        while workdays.count < days {
            if day.civilWeekday != .saturday && day.civilWeekday != .sunday { workdays.append(day) }
            day = day.addingDays(-1)
        }
        workdays.reverse()
        var random = SeededGenerator(seed: seed)
        let rules = QueueRules()
        var token: Int64 = 0
        var summary = Summary(firstDay: workdays.first ?? lastDay, lastDay: lastDay, days: 0, tickets: 0, events: 0)
        for day in workdays {
            try backend.writer.write { db in
                let written = try loadDay(day, db, backend, tickets: ticketsPerDay, counters: counters, rules: rules,
                                          random: &random, token: &token)
                summary.tickets += written.tickets
                summary.events += written.events
            }
            summary.days += 1
        }
        return summary
    }

    private struct Busy {
        var counter: Int
        var ticketIndex: Int
        var start: Date
        var end: Date
    }

    private static func loadDay(
        _ day: LocalDay, _ db: Database, _ backend: SQLiteQueueBackend, tickets count: Int, counters: Int, rules: QueueRules,
        random: inout SeededGenerator, token: inout Int64
    ) throws -> (tickets: Int, events: Int) {
        func at(_ second: Int) -> Date {
            OfficeCalendar.rome.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
                .addingTimeInterval(Double(second))
        }
        let opening = 8 * 3600 + 30 * 60, closing = 12 * 3600 + 30 * 60, officeClose = 13 * 3600 + 30 * 60
        let arrivals = (0..<count).map { _ in random.seconds(opening...(closing - 1)) }.sorted()
        var free = Array(repeating: opening, count: counters + 1)
        var paused = Array(repeating: false, count: counters + 1)
        var pauses: [(counter: Int, start: Int)] = []
        var busy: [Busy] = []
        var built: [Ticket] = []
        var seqs: [String: Int] = [:]
        func claim(after arrival: Int) -> (counter: Int, at: Int) {
            var best = 1
            for c in 2...counters where free[c] < free[best] { best = c }
            // Each counter takes one 15-minute pause the first time it frees up after 10:30.
            if !paused[best] && free[best] >= 10 * 3600 + 30 * 60 {
                paused[best] = true
                pauses.append((best, free[best]))
                free[best] += 900
                return claim(after: arrival)
            }
            return (best, max(arrival, free[best]))
        }
        for arrival in arrivals {
            let service = services[random.seconds(0...(services.count - 1))]
            let prefix = String(service.prefix(1))
            seqs[prefix, default: 0] += 1
            var ticket = Ticket(id: 0, serviceCode: service, number: TicketNumber(prefix: prefix, seq: seqs[prefix]!),
                                arrival: at(arrival), priority: random.chance(0.05) ? "over75" : nil)
            var slot = claim(after: arrival)
            // The estimate given at issue: the real wait give or take five minutes.
            ticket.estimatedWaitMinutes = max(0, (slot.at - arrival) / 60 + random.seconds(-5...5))
            ticket.peopleAheadAtIssue = ticket.estimatedWaitMinutes! * counters / 6
            if slot.at >= officeClose {
                ticket = try ticket.applying(.closeAtEndOfDay, at: at(officeClose), counter: nil, operatorID: nil, rules: rules)
                built.append(ticket)
                continue
            }
            func act(_ action: TicketAction, _ second: Int, _ counter: Int) throws {
                ticket = try ticket.applying(action, token: ticket.token, at: at(second), counter: counter,
                                             operatorID: "op\(counter)", rules: rules)
            }
            func call(_ second: Int, _ counter: Int) throws {
                token += 1
                ticket = try ticket.applying(.call(token: FencingToken(token)), token: FencingToken(token), at: at(second),
                                             counter: counter, operatorID: "op\(counter)", rules: rules)
            }
            try call(slot.at, slot.counter)
            var t = slot.at
            if random.chance(0.04) {
                try act(.recall, t + 60, slot.counter)
                try act(.recall, t + 120, slot.counter)
                try act(.markNoShow, t + 180, slot.counter)
                t += 180
            } else {
                try act(.startService, t + 30, slot.counter)
                t += 30 + random.seconds(180...540)
                if random.chance(0.02) {
                    try act(.transfer(serviceCode: service == "URP" ? "ANA" : "URP", counter: nil, note: ""), t, slot.counter)
                    busy.append(Busy(counter: slot.counter, ticketIndex: built.count, start: at(slot.at), end: at(t)))
                    free[slot.counter] = t
                    slot = claim(after: t)
                    try call(slot.at, slot.counter)
                    t = slot.at
                    try act(.startService, t + 30, slot.counter)
                    t += 30 + random.seconds(120...300)
                }
                try act(.close(outcome: "servito", procedures: [], contactID: nil), t, slot.counter)
            }
            busy.append(Busy(counter: slot.counter, ticketIndex: built.count, start: at(slot.at), end: at(t)))
            free[slot.counter] = t
            built.append(ticket)
        }
        var ids: [Int64] = []
        var events = 0
        for ticket in built {
            ids.append(try TicketRows.insert(ticket, db))
            events += ticket.history.count
        }
        for (prefix, seq) in seqs {
            try db.execute(sql: """
                INSERT INTO queue_numbering (prefix, local_day, last_seq) VALUES (?, ?, ?)
                ON CONFLICT (prefix, local_day) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)
                """, arguments: [prefix, day.description, seq])
        }
        // The office day: everyone signs in at 8:30, then per counter its tickets and pause in
        // time order, then the closing.
        var officeDay = OfficeDay(day: day)
        let busyByCounter = Dictionary(grouping: busy, by: \.counter)
        try officeDay.open(at: at(opening - 600))
        for counter in 1...counters {
            try officeDay.signIn(counter: counter, operatorID: "op\(counter)", at: at(opening))
            var steps: [Busy] = busyByCounter[counter] ?? []
            // A pause is a step without a ticket (index -1).
            steps += pauses.filter { $0.counter == counter }.map {
                Busy(counter: counter, ticketIndex: -1, start: at($0.start), end: at($0.start + 900))
            }
            for step in steps.sorted(by: { $0.start < $1.start }) {
                if step.ticketIndex < 0 {
                    try officeDay.startPause(counter: counter, reason: .rest, at: step.start)
                    try officeDay.endPause(counter: counter, at: step.end)
                } else {
                    try officeDay.ticketTaken(counter: counter, ticketID: ids[step.ticketIndex], at: step.start)
                    try officeDay.ticketReleased(counter: counter, at: step.end)
                }
            }
        }
        try officeDay.close(at: at(officeClose))
        try backend.saveOfficeDay(officeDay, db)
        // As `closeOffice` does: the day's report summary, in the same transaction.
        try backend.writeReportSummary(day, db, now: at(officeClose))
        return (built.count, events)
    }
}
