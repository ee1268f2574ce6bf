/// How the citizen prefers to be told that something is ready. The number or address used
/// is the first of its kind in the contact (phones and e-mails are kept in preference order).
public enum PreferredChannel: String, CaseIterable, Hashable, Sendable, Codable {
    case none = "nessuno"
    case phoneCall = "telefono"
    case sms
    case email
    case post = "posta"

    public var label: String {
        switch self {
        case .none: "nessuna preferenza"
        case .phoneCall: "telefonata"
        case .sms: "SMS"
        case .email: "e-mail"
        case .post: "posta ordinaria"
        }
    }

    /// Reads operator or file spellings ("tel", "cellulare", "e-mail", "mail"…).
    public init?(parsing text: String) {
        switch SearchText.joinedKey(text) {
        case "", "nessuno", "none": self = .none
        case "telefono", "tel", "telefonata", "phone", "call", "cellulare": self = .phoneCall
        case "sms", "messaggio": self = .sms
        case "email", "mail", "pec": self = .email
        case "posta", "post", "lettera": self = .post
        default: return nil
        }
    }
}
