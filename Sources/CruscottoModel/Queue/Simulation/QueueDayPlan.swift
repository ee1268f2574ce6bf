import Foundation

/// What a simulated office day is made of: the office (services, profiles, counters), who
/// sits where, arrival rates per service and hour slot, service times, CIE appointments and
/// the odds of no-shows, transfers and pauses. docs/REPORT.md lists the standard figures.
public struct QueueDayPlan: Sendable {
    public var day: LocalDay
    public var seed: UInt64
    public var configuration: QueueConfiguration
    /// Operator signed in at each staffed counter.
    public var operators: [Int: String]
    /// Mean arrivals per hour by service (walk-in services only), before the hour profile.
    public var arrivalsPerHour: [String: Double]
    /// Multiplier of the arrival rate per Europe/Rome hour (9–11 is the morning peak).
    public var hourProfile: [Int: Double]
    /// Seconds at the counter per service (uniform in the range).
    public var serviceSeconds: [String: ClosedRange<Int>]
    /// Services by appointment: one appointment every `appointmentMinutes` per counter
    /// serving them first; citizens come 0–10 minutes early.
    public var appointmentServices: [String]
    public var appointmentMinutes: Int
    public var appointmentShowShare: Double
    /// Share of walk-in tickets with a priority category (over 75, disabilità, gravidanza).
    public var priorityShare: Double
    /// Share of called citizens who never come to the counter (no-show after the recalls).
    public var noShowShare: Double
    /// Transfers after service: from a service to another, with its share.
    public var transfers: [String: (to: String, share: Double)]
    /// Share of operator closings with an outcome that is not "served" (documenti mancanti).
    public var incompleteShare: Double
    /// Each operator of these counters takes one pause of this length, some time in the window.
    public var pauseCounters: [Int]
    public var pauseMinutes: Int
    public var pauseWindow: ClosedRange<Int>
    /// Minutes after the last service closes when the office closes (waiting tickets are
    /// then closed "a fine giornata").
    public var closingGraceMinutes: Int

    /// A day at a mid-sized sportello polifunzionale (docs/REPORT.md): six polifunzionale
    /// counters (15–20 minutes a citizen), two CIE counters by appointment (every 20 minutes),
    /// one accoglienza desk (about 3 minutes); mornings 8:30–12:30, Thursday also 14:30–17:00.
    public static func standard(day: LocalDay, seed: UInt64) -> QueueDayPlan {
        func hours(_ text: [String]) -> OpeningHours {
            var h = OpeningHours(OpeningHours.mondayToFriday, [OpeningInterval(parsing: text[0])!])
            for extra in text.dropFirst() { h.add([OpeningInterval(parsing: extra)!], on: .thursday) }
            return h
        }
        let long = hours(["8:30-12:30", "14:30-17:00"])
        let services = [
            Service(code: "ANA", name: "Anagrafe", prefix: "A", colour: .blue, hours: long, typicalServiceMinutes: 17),
            Service(code: "STC", name: "Stato civile", prefix: "S", colour: .yellow, hours: long, typicalServiceMinutes: 18),
            Service(code: "TRI", name: "Tributi", prefix: "T", colour: .red, hours: long, typicalServiceMinutes: 17),
            Service(code: "CIE", name: "Carta d'identità elettronica", prefix: "C", colour: .green, hours: long,
                    typicalServiceMinutes: 20),
            Service(code: "URP", name: "Accoglienza e URP", prefix: "U", colour: .cyan, hours: long,
                    typicalServiceMinutes: 3),
        ]
        let profiles = [
            CounterProfile(code: "polifunzionale", name: "Polifunzionale", serviceCodes: ["ANA", "STC", "TRI", "URP"]),
            CounterProfile(code: "cie", name: "Carta d'identità", serviceCodes: ["CIE"]),
            CounterProfile(code: "accoglienza", name: "Accoglienza", serviceCodes: ["URP"]),
        ]
        var counters = (1...6).map { Counter(number: $0, profileCode: "polifunzionale") }
        counters += [Counter(number: 7, label: "CIE 1", profileCode: "cie"), Counter(number: 8, label: "CIE 2", profileCode: "cie"),
                     Counter(number: 9, label: "Accoglienza", profileCode: "accoglienza")]
        let names = ["rossi.m", "bianchi.l", "esposito.g", "romano.a", "colombo.f", "ricci.s", "marino.e", "greco.p", "conti.r"]
        return QueueDayPlan(
            day: day, seed: seed,
            configuration: QueueConfiguration(services: services, profiles: profiles, counters: counters),
            operators: Dictionary(uniqueKeysWithValues: (1...9).map { ($0, names[$0 - 1]) }),
            arrivalsPerHour: ["ANA": 9, "STC": 3, "TRI": 4, "URP": 14],
            hourProfile: [8: 0.7, 9: 1.3, 10: 1.3, 11: 1.0, 12: 0.6, 14: 0.7, 15: 1.0, 16: 0.8],
            serviceSeconds: ["ANA": 900...1200, "STC": 900...1200, "TRI": 900...1200, "CIE": 900...1320, "URP": 90...270],
            appointmentServices: ["CIE"], appointmentMinutes: 20, appointmentShowShare: 0.95,
            priorityShare: 0.06, noShowShare: 0.04,
            transfers: ["URP": (to: "ANA", share: 0.08), "ANA": (to: "TRI", share: 0.03)],
            incompleteShare: 0.05, pauseCounters: Array(1...6), pauseMinutes: 15, pauseWindow: 600...690,
            closingGraceMinutes: 45)
    }
}
