/// Something the operator should look at but may confirm: it never blocks saving.
public enum ContactWarning: Hashable, Sendable, Codable {
    /// The codice fiscale does not agree with the personal data.
    case fiscalCodeMismatch([FiscalCodeMismatch])
    /// An identity document recorded now is already expired.
    case documentExpired(IdentityDocument)
    /// The CAP directory does not list the comune typed for this CAP.
    case capNotForComune(cap: String, comune: String, known: [String])

    public var field: ContactField {
        switch self {
        case .fiscalCodeMismatch: .fiscalCode
        case .documentExpired: .documentExpiry
        case .capNotForComune: .cap
        }
    }

    public var message: String {
        switch self {
        case .fiscalCodeMismatch(let differences):
            "Il codice fiscale non corrisponde ai dati anagrafici. " + differences.map(\.message).joined(separator: " ")
        case .documentExpired(let document):
            "Il documento \(document.kind.label) n. \(document.number) è scaduto il \(document.expiresOn?.italian ?? "")"
        case .capNotForComune(let cap, let comune, let known):
            "Il CAP \(cap) non risulta per \(comune) (risulta per: \(Self.shortList(known)))"
        }
    }

    private static func shortList(_ names: [String]) -> String {
        let shown = names.prefix(4).joined(separator: ", ")
        return names.count > 4 ? shown + " e altri \(names.count - 4)" : shown
    }
}
