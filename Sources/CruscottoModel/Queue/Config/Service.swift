import Foundation

/// A service citizens queue for (Anagrafe, CIE, Stato civile…), with its ticket prefix.
public struct Service: Hashable, Codable, Sendable, Identifiable {
    /// Stable code used by commands and other records (`ANA`, `CIE`).
    public var code: String
    /// Italian name shown to citizens and operators.
    public var name: String
    /// Ticket prefix, 1–2 uppercase ASCII letters. Services may share a prefix, and then share
    /// its numbering.
    public var prefix: String
    public var colour: ServiceColour
    public var hours: OpeningHours
    /// Typical minutes to serve one citizen, the base of wait estimates.
    public var typicalServiceMinutes: Int

    public var id: String { code }

    // Snake case: this is the shape of the services file the responsabile edits.
    enum CodingKeys: String, CodingKey {
        case code, name, prefix, colour, hours
        case typicalServiceMinutes = "typical_service_minutes"
    }

    public init(
        code: String, name: String, prefix: String, colour: ServiceColour = .white,
        hours: OpeningHours, typicalServiceMinutes: Int = 10
    ) {
        self.code = code
        self.name = name
        self.prefix = prefix
        self.colour = colour
        self.hours = hours
        self.typicalServiceMinutes = typicalServiceMinutes
    }

    public func isOpen(at instant: Date) -> Bool { hours.isOpen(at: instant) }

    /// `Il servizio Anagrafe è chiuso: apre lunedì–venerdì 8:30–12:30, giovedì anche 14:30–17:00`.
    public var closedMessage: String {
        if hours.isNeverOpen { return "Il servizio \(name) è chiuso: non ha orari di apertura" }
        return "Il servizio \(name) è chiuso: apre \(hours.italianDescription)"
    }

    /// Why this value cannot be used, in Italian, or nil when it is valid.
    public var validationProblem: String? {
        if code.trimmingCharacters(in: .whitespaces).isEmpty { return "Codice del servizio mancante" }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { return "Nome del servizio \(code) mancante" }
        if !TicketNumber.isValidPrefix(prefix) {
            return "Prefisso «\(prefix)» del servizio \(code) non valido: una o due lettere maiuscole"
        }
        if typicalServiceMinutes < 1 { return "Durata tipica del servizio \(code) non valida" }
        return nil
    }
}
