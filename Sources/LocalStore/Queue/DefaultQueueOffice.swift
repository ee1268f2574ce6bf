import CruscottoModel

/// The queue a new central database comes with: services for the catalog's main areas
/// (Italian names, ticket prefixes, typical weekday hours of a comune's one-stop shop),
/// the default priority categories and outcomes, three counter profiles and four numbered
/// counters. The responsabile exports it (`services export`), edits and imports it.
public enum DefaultQueueOffice {
    public static let configuration: QueueConfiguration = {
        let mornings = OpeningHours(OpeningHours.mondayToFriday, [interval(8, 30, 12, 30)])
        var longDays = mornings
        longDays.add([interval(14, 30, 17, 0)], on: .tuesday)
        longDays.add([interval(14, 30, 17, 0)], on: .thursday)
        var cieHours = mornings
        cieHours.add([interval(14, 30, 17, 0)], on: .thursday)
        cieHours.add([interval(8, 30, 12, 0)], on: .saturday)
        let services = [
            Service(code: "ANA", name: "Anagrafe", prefix: "A", colour: .blue, hours: longDays,
                    typicalServiceMinutes: 8),
            Service(code: "STC", name: "Stato civile", prefix: "S", colour: .yellow, hours: longDays,
                    typicalServiceMinutes: 12),
            Service(code: "CIE", name: "Carta d'identità elettronica", prefix: "C", colour: .green,
                    hours: cieHours, typicalServiceMinutes: 20),
            Service(code: "ELE", name: "Elettorale", prefix: "E", colour: .magenta, hours: mornings,
                    typicalServiceMinutes: 6),
            Service(code: "TRI", name: "Tributi", prefix: "T", colour: .red, hours: longDays,
                    typicalServiceMinutes: 12),
            Service(code: "URP", name: "Protocollo e URP", prefix: "U", colour: .cyan, hours: longDays,
                    typicalServiceMinutes: 5),
        ]
        let profiles = [
            CounterProfile(code: "polifunzionale", name: "Polifunzionale",
                           serviceCodes: ["ANA", "STC", "ELE", "TRI", "URP", "CIE"]),
            CounterProfile(code: "cie", name: "Carta d'identità", serviceCodes: ["CIE", "ANA"]),
            CounterProfile(code: "accoglienza", name: "Accoglienza", serviceCodes: ["URP", "ELE", "ANA"]),
        ]
        let counters = [
            Counter(number: 1, profileCode: "polifunzionale"),
            Counter(number: 2, profileCode: "polifunzionale"),
            Counter(number: 3, label: "CIE", profileCode: "cie"),
            Counter(number: 4, label: "Accoglienza", profileCode: "accoglienza"),
        ]
        return QueueConfiguration(services: services, profiles: profiles, counters: counters)
    }()

    private static func interval(_ h1: Int, _ m1: Int, _ h2: Int, _ m2: Int) -> OpeningInterval {
        OpeningInterval(parsing: "\(h1):\(m1 < 10 ? "0" : "")\(m1)-\(h2):\(m2 < 10 ? "0" : "")\(m2)")!
    }
}
