/// Results of the demo's effects.
public enum EngineDemoMessage: Hashable, Sendable {
    /// The search key of a confirmed form, computed off the loop.
    case saved(fullName: String, searchKey: String)
}
