/// The outcome of one data row of a contact import.
public enum ContactImportRow: Hashable, Sendable {
    /// A valid row: the details to store, the identity that makes re-imports idempotent,
    /// and warnings (codice fiscale mismatch, expired document) to list in the report;
    /// warnings do not stop the row, as they would not stop an operator.
    case accepted(line: Int, details: ContactDetails, identity: String, warnings: [ContactWarning])
    /// The same person as an earlier row of this file (same import identity): skipped.
    case repeated(line: Int, firstLine: Int, identity: String)
    case rejected(ContactImportRejection)

    public var line: Int {
        switch self {
        case .accepted(let line, _, _, _), .repeated(let line, _, _): line
        case .rejected(let rejection): rejection.line
        }
    }
}
