/// Something the operator should look at but may confirm: it never blocks saving.
public enum ContactWarning: Hashable, Sendable, Codable {
    /// The codice fiscale does not agree with the personal data.
    case fiscalCodeMismatch([FiscalCodeMismatch])
    /// An identity document recorded now is already expired.
    case documentExpired(IdentityDocument)

    public var field: ContactField {
        switch self {
        case .fiscalCodeMismatch: .fiscalCode
        case .documentExpired: .documentExpiry
        }
    }

    public var message: String {
        switch self {
        case .fiscalCodeMismatch(let differences):
            "Il codice fiscale non corrisponde ai dati anagrafici. " + differences.map(\.message).joined(separator: " ")
        case .documentExpired(let document):
            "Il documento \(document.kind.label) n. \(document.number) è scaduto il \(document.expiresOn?.italian ?? "")"
        }
    }
}
