import CruscottoModel

/// Why the registry refused a change or a lookup; `description` is the Italian line to show.
public enum ContactStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The form has errors (one message per field, in form order).
    case invalid([String])
    /// Warnings the operator has not confirmed yet (codice fiscale mismatch, expired document, CAP).
    case needsConfirmation([ContactWarning])
    case notFound(String)
    /// Another contact already has this codice fiscale.
    case fiscalCodeInUse(code: String, existing: ContactID)
    /// The contact was merged into another: changes go to the one kept.
    case merged(ContactID, into: ContactID)
    case sameContact
    /// Training stations and contexts never touch the registry of real people.
    case trainingContext

    public var description: String {
        switch self {
        case .invalid(let messages):
            "dati non validi: " + messages.joined(separator: "; ")
        case .needsConfirmation(let warnings):
            "da confermare: " + warnings.map(\.message).joined(separator: " ")
        case .notFound(let what):
            "nessun contatto trovato per \(what)"
        case .fiscalCodeInUse(let code, let existing):
            "il codice fiscale \(code) è già registrato per il contatto \(existing)"
        case .merged(let id, let into):
            "il contatto \(id) è stato unito al contatto \(into)"
        case .sameContact:
            "non si può unire un contatto con se stesso"
        case .trainingContext:
            "in formazione non si accede all'anagrafica reale"
        }
    }
}
