/// The central change log's retention (docs/SYNC.md, "Retention and reset").
public enum SyncRetention {
    /// Days of change rows `central prune` keeps when not told otherwise.
    public static let defaultKeepDays = 30
    /// The most days accepted (ten years): a larger number is a typing error.
    public static let maximumKeepDays = 3_650
    /// Registry rows per snapshot page during a reset.
    public static let snapshotPage = 500
}
