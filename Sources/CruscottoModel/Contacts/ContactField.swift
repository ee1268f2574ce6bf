/// The fields of a contact as the edit form and the CSV import name them. Validation
/// errors are keyed by these, so the form can put the cursor on the offending field.
public enum ContactField: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    case fiscalCode = "codice_fiscale"
    case surname = "cognome"
    case name = "nome"
    case sex = "sesso"
    case birthDate = "data_nascita"
    case birthPlace = "luogo_nascita"
    case citizenship = "cittadinanza"
    case street = "indirizzo"
    case streetNumber = "civico"
    case cap
    case comune
    case province = "provincia"
    case phones = "telefono"
    case emails = "email"
    case preferredChannel = "canale_preferito"
    case consentPrivacy = "consenso_privacy"
    case consentSMS = "consenso_sms"
    case consentEmail = "consenso_email"
    case documentKind = "documento_tipo"
    case documentNumber = "documento_numero"
    case documentIssuer = "documento_ente"
    case documentExpiry = "documento_scadenza"
    case notes = "note"

    /// Italian label, as on the form.
    public var label: String {
        switch self {
        case .fiscalCode: "codice fiscale"
        case .surname: "cognome"
        case .name: "nome"
        case .sex: "sesso"
        case .birthDate: "data di nascita"
        case .birthPlace: "luogo di nascita"
        case .citizenship: "cittadinanza"
        case .street: "indirizzo"
        case .streetNumber: "numero civico"
        case .cap: "CAP"
        case .comune: "comune"
        case .province: "provincia"
        case .phones: "telefono"
        case .emails: "e-mail"
        case .preferredChannel: "canale preferito"
        case .consentPrivacy: "consenso informativa privacy"
        case .consentSMS: "consenso avvisi SMS"
        case .consentEmail: "consenso avvisi e-mail"
        case .documentKind: "tipo di documento"
        case .documentNumber: "numero del documento"
        case .documentIssuer: "ente di rilascio del documento"
        case .documentExpiry: "scadenza del documento"
        case .notes: "note"
        }
    }

    public static func < (lhs: ContactField, rhs: ContactField) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The consent field of a kind, and back.
    public static func consent(_ kind: Consent.Kind) -> ContactField {
        switch kind {
        case .privacyNotice: .consentPrivacy
        case .sms: .consentSMS
        case .email: .consentEmail
        }
    }
}
