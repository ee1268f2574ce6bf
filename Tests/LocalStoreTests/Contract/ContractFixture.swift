import CruscottoModel
import Foundation

/// The office the contract scripts run in: three services open all day, two profiles,
/// counters 1–3 with a profile and 4 without.
enum ContractFixture {
    static func rome(_ text: String) -> Date {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == ":" }).compactMap { Int($0) }
        var components = DateComponents()
        (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
        (components.hour, components.minute, components.second) = (parts[3], parts[4], 0)
        return OfficeCalendar.rome.date(from: components)!
    }

    static let allDay = OpeningHours(Weekday.allCases, [OpeningInterval(parsing: "00:00-24:00")!])

    static func configuration(
        hours: OpeningHours = allDay, policy: PriorityPolicy = PriorityPolicy(interleave: 3, maxWaitMinutes: 45),
        rules: QueueRules = QueueRules(recallsBeforeNoShow: 1, noShowReactivationMinutes: 15)
    ) -> QueueConfiguration {
        let services = [
            Service(code: "ANA", name: "Anagrafe", prefix: "A", colour: .blue, hours: hours, typicalServiceMinutes: 8),
            Service(code: "CIE", name: "Carta d'identità", prefix: "C", colour: .green, hours: hours,
                    typicalServiceMinutes: 15),
            Service(code: "STC", name: "Stato civile", prefix: "S", colour: .yellow, hours: hours,
                    typicalServiceMinutes: 10),
        ]
        return QueueConfiguration(
            services: services, priorityPolicy: policy,
            profiles: [
                CounterProfile(code: "poli", name: "polifunzionale", serviceCodes: ["ANA", "STC", "CIE"]),
                CounterProfile(code: "cie", name: "CIE", serviceCodes: ["CIE", "ANA"]),
            ],
            counters: [
                Counter(number: 1, profileCode: "poli"), Counter(number: 2, profileCode: "poli"),
                Counter(number: 3, label: "CIE", profileCode: "cie"),
                Counter(number: 4, label: "Accoglienza", profileCode: nil),
            ],
            rules: rules)
    }
}
