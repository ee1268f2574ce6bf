import CruscottoModel
import Foundation

/// The paper ticket: office, number, service, date and time (Europe/Rome), people ahead and
/// the estimate, as plain text that any ticket printer prints (42 columns at most).
public struct TicketPrintout: Equatable, Sendable {
    public static let width = 42

    public var office: String
    public var number: String
    public var serviceName: String
    public var issuedAt: Date
    public var peopleAhead: Int
    public var estimatedMinutes: Int?
    /// The priority category's Italian name, nil for an ordinary ticket.
    public var priorityName: String?

    public init(office: String, number: String, serviceName: String, issuedAt: Date, peopleAhead: Int,
                estimatedMinutes: Int?, priorityName: String? = nil) {
        self.office = office
        self.number = number
        self.serviceName = serviceName
        self.issuedAt = issuedAt
        self.peopleAhead = peopleAhead
        self.estimatedMinutes = estimatedMinutes
        self.priorityName = priorityName
    }

    public var text: String {
        let parts = OfficeCalendar.rome.dateComponents([.year, .month, .day, .hour, .minute], from: issuedAt)
        func two(_ value: Int?) -> String { let v = value ?? 0; return v < 10 ? "0\(v)" : String(v) }
        let date = "\(two(parts.day))/\(two(parts.month))/\(parts.year ?? 0)"
        let time = "\(two(parts.hour)):\(two(parts.minute))"
        var lines = [
            Self.centred(office.uppercased()),
            String(repeating: "-", count: Self.width),
            Self.centred("Biglietto \(number)"),
            Self.centred(serviceName),
        ]
        if let priorityName { lines.append(Self.centred("Precedenza: \(priorityName)")) }
        lines += [
            "",
            "Data: \(date)   Ora: \(time)",
            "Persone prima di voi: \(peopleAhead)",
        ]
        if let estimatedMinutes {
            lines.append(estimatedMinutes <= 0 ? "Attesa stimata: nessuna" : "Attesa stimata: circa \(estimatedMinutes) minuti")
        }
        lines += [
            "",
            Self.centred("Attendete la chiamata sul tabellone."),
            "", "", "",
        ]
        return lines.map { String($0.prefix(Self.width)) }.joined(separator: "\n") + "\n"
    }

    private static func centred(_ text: String) -> String {
        let cut = String(text.prefix(width))
        return String(repeating: " ", count: (width - cut.count) / 2) + cut
    }
}
