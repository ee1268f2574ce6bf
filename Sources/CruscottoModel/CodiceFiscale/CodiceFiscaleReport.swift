/// Everything read from a codice fiscale: validity, normalised form, decoded fields, errors
/// and warnings (Italian messages with stable codes).
public struct CodiceFiscaleReport: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The 16-character code of a person.
        case standard
        /// The 11-digit numeric code (provisional, or shaped like a partita IVA).
        case provisional
    }

    public var input: String
    public var normalized: String
    public var kind: Kind?
    public var errors: [CodiceFiscaleIssue] = []
    public var warnings: [CodiceFiscaleIssue] = []
    public var sex: CodiceFiscaleSex?
    public var birthDate: CivilDate?
    /// The Belfiore row valid on the birth date (or, when the date is unknown or the code was
    /// not valid then, the latest row of the code, for information).
    public var birthPlace: BelfioreEntry?
    /// Number of digits replaced by omocodia letters (0…7).
    public var omocodeLevel: Int = 0
    /// The code with omocodia undone and its check character recomputed.
    public var baseCode: String?
    /// The check character the first 15 characters call for.
    public var expectedCheckCharacter: Character?

    public var valid: Bool { errors.isEmpty }
    public var isOmocode: Bool { omocodeLevel > 0 }

    public init(input: String, normalized: String) {
        self.input = input
        self.normalized = normalized
    }
}
