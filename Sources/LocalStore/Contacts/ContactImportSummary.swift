/// What an import did, beside the row-by-row report: how many contacts were written, how
/// many rows were already in the registry, and which path wrote them.
public struct ContactImportSummary: Sendable, Equatable {
    public var created = 0
    public var alreadyPresent = 0
    /// True when the bulk path was taken (key tables and indexes rebuilt at the end).
    public var bulk = false
    /// Nothing was kept (`--dry-run`): the same work was done and rolled back.
    public var dryRun = false
    /// Outbox events written (one `contact.imported` per batch of contacts).
    public var outboxEvents = 0

    public init() {}
}
