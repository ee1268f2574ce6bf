import Foundation

/// An identity document the operator has seen.
public struct IdentityDocument: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        case electronicIdentityCard = "cie"
        case paperIdentityCard = "carta_identita"
        case passport = "passaporto"
        case drivingLicence = "patente"
        case residencePermit = "permesso_soggiorno"
        case other = "altro"

        public var label: String {
            switch self {
            case .electronicIdentityCard: "carta d'identità elettronica"
            case .paperIdentityCard: "carta d'identità cartacea"
            case .passport: "passaporto"
            case .drivingLicence: "patente di guida"
            case .residencePermit: "permesso di soggiorno"
            case .other: "altro documento"
            }
        }

        /// Reads the spellings found in forms and files ("CIE", "carta d'identità", "passport"…).
        public init?(parsing text: String) {
            let key = SearchText.joinedKey(text)
            switch key {
            case "cie", "cartaidentitaelettronica", "cartadidentitaelettronica", "electronicidentitycard": self = .electronicIdentityCard
            case "ci", "cartaidentita", "cartadidentita", "cartaidentitacartacea", "cartadidentitacartacea", "identitycard", "idcard": self = .paperIdentityCard
            case "passaporto", "passport", "pp": self = .passport
            case "patente", "patentediguida", "drivinglicence", "drivinglicense", "pat": self = .drivingLicence
            case "permessodisoggiorno", "permessosoggiorno", "pds", "residencepermit", "cartadisoggiorno": self = .residencePermit
            case "altro", "other": self = .other
            default: return nil
            }
        }
    }

    public var kind: Kind
    public var number: String
    /// Issuing authority as written on the document ("Comune di Piacenza", "Questura di Parma").
    public var issuer: String
    public var expiresOn: CivilDate?

    public init(kind: Kind, number: String, issuer: String = "", expiresOn: CivilDate? = nil) {
        self.kind = kind
        self.number = number
        self.issuer = issuer
        self.expiresOn = expiresOn
    }

    /// A document is valid through its expiry day and expired from the day after.
    /// A document without an expiry date never expires here.
    public func isExpired(on day: CivilDate) -> Bool {
        guard let expiresOn else { return false }
        return day > expiresOn
    }

    /// The same check for an instant, seen on the office's calendar (Europe/Rome).
    public func isExpired(at instant: Date, in timeZone: TimeZone) -> Bool {
        isExpired(on: CivilDate(instant, timeZone: timeZone))
    }
}
