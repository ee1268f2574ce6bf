import CruscottoModel
import Foundation

/// A ticket as the queue commands print it: `{"ticket": {"id", "service", "number": "A042",
/// "seq": 42, "counter", "token", …}}` with `--json` (sorted keys, snake_case), one Italian
/// line otherwise.
struct QueueTicketOutput: Encodable {
    struct Body: Encodable {
        var id: Int64
        var service: String
        var number: String
        var prefix: String
        var seq: Int
        var day: String
        var state: String
        var priority: String?
        var arrival: String
        var counter: Int?
        var token: Int64?
        var operatorID: String?
        var peopleAhead: Int?
        var estimatedWaitMinutes: Int?
        var outcome: String?
        var contactID: String?
        var phone: String?
        var procedures: [String]

        enum CodingKeys: String, CodingKey {
            case id, service, number, prefix, seq, day, state, priority, arrival, counter, token, outcome, phone, procedures
            case contactID = "contact_id"
            case operatorID = "operator_id"
            case peopleAhead = "people_ahead"
            case estimatedWaitMinutes = "estimated_wait_minutes"
        }

        // Absent values are written as null so scripts can rely on every key being there.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(service, forKey: .service)
            try c.encode(number, forKey: .number)
            try c.encode(prefix, forKey: .prefix)
            try c.encode(seq, forKey: .seq)
            try c.encode(day, forKey: .day)
            try c.encode(state, forKey: .state)
            try c.encode(priority, forKey: .priority)
            try c.encode(arrival, forKey: .arrival)
            try c.encode(counter, forKey: .counter)
            try c.encode(token, forKey: .token)
            try c.encode(operatorID, forKey: .operatorID)
            try c.encode(peopleAhead, forKey: .peopleAhead)
            try c.encode(estimatedWaitMinutes, forKey: .estimatedWaitMinutes)
            try c.encode(outcome, forKey: .outcome)
            try c.encode(contactID, forKey: .contactID)
            try c.encode(phone, forKey: .phone)
            try c.encode(procedures, forKey: .procedures)
        }
    }

    var ticket: Body?

    init(_ ticket: Ticket?) {
        self.ticket = ticket.map { t in
            Body(id: t.id, service: t.serviceCode, number: t.number.display, prefix: t.number.prefix,
                 seq: t.number.seq, day: t.day.description, state: t.state.rawValue, priority: t.priority,
                 arrival: Self.iso(t.arrival), counter: t.counter, token: t.token?.value, operatorID: t.operatorID,
                 peopleAhead: t.peopleAheadAtIssue, estimatedWaitMinutes: t.estimatedWaitMinutes, outcome: t.outcome,
                 contactID: t.contactID, phone: t.phone, procedures: t.procedures)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ticket, forKey: .ticket)
    }

    enum CodingKeys: String, CodingKey { case ticket }

    func printJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(self), as: UTF8.self))
    }

    static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}
