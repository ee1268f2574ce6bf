import CruscottoModel

/// A probable duplicate found on save, with the reasons in Italian (most telling first).
public struct ContactDuplicate: Hashable, Sendable {
    public var row: ContactSearchRow
    public var reasons: [String]

    public init(row: ContactSearchRow, reasons: [String]) {
        self.row = row
        self.reasons = reasons
    }
}
