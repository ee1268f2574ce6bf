import CruscottoModel

/// The question asked before a card opens outside a ticket: which purpose, or a typed reason.
public struct ContactPurposeState: Hashable, Sendable {
    public var target: ContactSearchRow
    public var selected = 0
    public var note = TextEditor("", maxLength: 120)

    public init(target: ContactSearchRow) {
        self.target = target
    }

    public var choice: ContactPurposeChoice { ContactPurposeChoice.all[selected] }
}
