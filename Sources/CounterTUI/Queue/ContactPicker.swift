import CruscottoModel

/// The citizen of the accoglienza's "issue a ticket" dialog: the registry results for the
/// text typed in its "Cittadino" field, the one highlighted, and the one picked (linked to
/// the ticket when it is issued).
public struct ContactPicker: Hashable, Sendable {
    public var results: [ContactSearchRow] = []
    public var selected = 0
    /// The text the results answer (an answer for older text is dropped).
    public var answered: String?
    public var picked: ContactSearchRow?

    public init() {}

    /// At most this many results are listed in the dialog.
    public static let shownResults = 4

    public var selectedRow: ContactSearchRow? {
        results.indices.contains(selected) ? results[selected] : nil
    }

    mutating func move(_ step: Int) {
        guard !results.isEmpty else { return }
        selected = min(max(0, selected + step), min(results.count, Self.shownResults) - 1)
    }
}
