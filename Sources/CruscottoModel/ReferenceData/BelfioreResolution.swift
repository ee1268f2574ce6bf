/// The answer to "which Belfiore code had this place on this date".
public enum BelfioreResolution: Sendable, Equatable {
    /// One code. `entry` is its row valid on the date; its name may differ from the one asked
    /// when the comune was renamed.
    case found(BelfioreEntry)
    /// Several places with that name were valid on the date: the caller must choose.
    case ambiguous([BelfioreEntry])
    /// The place exists but none of its codes was valid on the date (rows with their periods).
    case notValidOnDate([BelfioreEntry])
    /// No place with that name (in that provincia, if one was given). `elsewhere` lists rows
    /// with the same name in other provinces.
    case notFound(elsewhere: [BelfioreEntry])
}
