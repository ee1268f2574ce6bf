/// One record of a CSV file: its fields and the physical line it starts on (1-based,
/// counting the header), which may differ from its ordinal when quoted fields hold newlines.
public struct CSVRecord: Hashable, Sendable {
    public enum Problem: Hashable, Sendable, CustomStringConvertible {
        /// A quoted field never closed: the record is dropped and reading resumes on the next line.
        case unterminatedQuote
        /// Characters after the closing quote of a field.
        case textAfterClosingQuote(field: Int)

        public var description: String {
            switch self {
            case .unterminatedQuote: "virgolette aperte e mai chiuse"
            case .textAfterClosingQuote(let field): "testo dopo le virgolette di chiusura nel campo \(field)"
            }
        }
    }

    public let line: Int
    public let fields: [String]
    /// Set when the record is malformed; its fields are then not trustworthy.
    public let problem: Problem?

    public init(line: Int, fields: [String], problem: Problem? = nil) {
        self.line = line
        self.fields = fields
        self.problem = problem
    }
}
