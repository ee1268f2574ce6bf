import CruscottoModel

/// The answer to a save: done, or what the operator must look at first.
public enum ContactSaveOutcome: Hashable, Sendable {
    case saved(Contact)
    /// Field errors, in Italian, keyed by field.
    case invalid([ContactField: String])
    /// Warnings that need a confirmation before the save (codice fiscale differences, …).
    case needsConfirmation([ContactWarning])
    /// Probable duplicates of the draft: merge one, or save anyway.
    case duplicates([ContactDuplicate])
}
