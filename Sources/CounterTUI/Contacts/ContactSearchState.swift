/// The search box and its results.
public struct ContactSearchState: Hashable, Sendable {
    public var box = TextEditor("", maxLength: 60)
    public var results: [ContactSearchRow] = []
    public var list = ListState()
    /// The text the results answer (nil before the first search).
    public var answered: String?
    /// A search for the current text is running.
    public var searching = false

    public init() {}

    public var selectedRow: ContactSearchRow? {
        results.indices.contains(list.selected) ? results[list.selected] : nil
    }
}
