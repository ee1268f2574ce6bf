/// The rule that settled a conflict (docs/SYNC.md, "Conflicts").
public enum SyncConflictRule: String, Sendable, Codable, CaseIterable {
    /// Pull: a contact with unsent local changes keeps its details (they are sent next and
    /// become the registry's); the later visit and a merge are taken from the central row.
    case contactLocalEditKept = "contact.local-edit-kept"
    /// Push: the local edit reached the central side after another station's change it had not
    /// seen, and replaced it (the replaced row is kept here).
    case contactLaterEditApplied = "contact.later-edit-applied"

    public var description: String {
        switch self {
        case .contactLocalEditKept:
            "modifica locale non ancora inviata mantenuta; ultima visita: la più recente; unione: sempre applicata"
        case .contactLaterEditApplied:
            "la modifica di questa postazione è arrivata dopo quella dell'altra, che non conosceva, e l'ha sostituita"
        }
    }
}
