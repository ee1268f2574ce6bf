import Foundation
import CruscottoModel

/// An instant given as Europe/Rome wall time, `"2026-11-30 10:42"`.
func rome(_ text: String) -> Date {
    let parts = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == ":" }).compactMap { Int($0) }
    var components = DateComponents()
    (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
    (components.hour, components.minute) = (parts[3], parts[4])
    components.second = parts.count > 5 ? parts[5] : 0
    return OfficeCalendar.rome.date(from: components)!
}

/// An instant given in UTC ISO-8601, `"2026-03-28T23:30:00Z"`.
func utc(_ text: String) -> Date {
    try! Date(text, strategy: .iso8601)
}

func interval(_ text: String) -> OpeningInterval { OpeningInterval(parsing: text)! }

/// A clock the test moves by hand.
final class TestClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    init(_ instant: Date) { self.instant = instant }

    func now() -> Date { lock.withLock { instant } }
    func set(_ date: Date) { lock.withLock { instant = date } }
    func advance(minutes: Double) { lock.withLock { instant = instant.addingTimeInterval(minutes * 60) } }
}

/// SplitMix64: a seeded generator so simulations repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Fixture {
    static let anagrafeHours: OpeningHours = {
        var hours = OpeningHours(OpeningHours.mondayToFriday, [interval("8:30-12:30")])
        hours.add([interval("14:30-17:00")], on: .thursday)
        return hours
    }()

    static let allDay = OpeningHours(Weekday.allCases, [interval("00:00-24:00")])

    static let anagrafe = Service(code: "ANA", name: "Anagrafe", prefix: "A", colour: .blue,
                                  hours: anagrafeHours, typicalServiceMinutes: 8)
    static let cie = Service(code: "CIE", name: "Carta d'identità", prefix: "C", colour: .green,
                             hours: anagrafeHours, typicalServiceMinutes: 15)
    static let statoCivile = Service(code: "STC", name: "Stato civile", prefix: "S", colour: .yellow,
                                     hours: anagrafeHours, typicalServiceMinutes: 10)

    static let polifunzionale = CounterProfile(code: "poli", name: "polifunzionale",
                                               serviceCodes: ["ANA", "STC", "CIE"])
    static let cieProfile = CounterProfile(code: "cie", name: "CIE", serviceCodes: ["CIE", "ANA"])

    static func configuration(
        hours: OpeningHours = anagrafeHours, policy: PriorityPolicy = PriorityPolicy(interleave: 3, maxWaitMinutes: 45),
        rules: QueueRules = QueueRules()
    ) -> QueueConfiguration {
        var services = [anagrafe, cie, statoCivile]
        for i in services.indices { services[i].hours = hours }
        return QueueConfiguration(
            services: services, priorityPolicy: policy,
            profiles: [polifunzionale, cieProfile],
            counters: [
                Counter(number: 1, profileCode: "poli"), Counter(number: 2, profileCode: "poli"),
                Counter(number: 3, label: "CIE", profileCode: "cie"),
                Counter(number: 4, label: "Accoglienza", profileCode: nil),
            ],
            rules: rules)
    }

    /// A waiting ticket built directly (pure tests).
    static func ticket(
        _ id: Int64, service: String = "ANA", prefix: String = "A", seq: Int? = nil,
        arrival: Date, priority: String? = nil
    ) -> Ticket {
        Ticket(id: id, serviceCode: service, number: TicketNumber(prefix: prefix, seq: seq ?? Int(id)),
               arrival: arrival, priority: priority)
    }
}
