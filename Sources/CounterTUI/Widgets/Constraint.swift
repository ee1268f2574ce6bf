/// How much room one part of a split takes.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (less if the whole does not fit).
    case fixed(Int)
    /// This share of the whole.
    case percent(Int)
    /// At least this many cells, plus an equal share of what is left over.
    case min(Int)
}
