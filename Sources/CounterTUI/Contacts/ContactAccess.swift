import CruscottoModel

/// The purpose given for the card on screen, carried into every read and change of it.
public struct ContactAccess: Hashable, Sendable {
    public var purpose: AccessPurpose
    public var note: String?

    public init(purpose: AccessPurpose, note: String? = nil) {
        self.purpose = purpose
        self.note = note
    }

    public var label: String {
        if let note { return note }
        return purpose.label
    }
}
