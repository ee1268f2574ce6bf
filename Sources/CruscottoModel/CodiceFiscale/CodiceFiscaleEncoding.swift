/// The result of computing a codice fiscale: the code, or the errors (and, for an ambiguous
/// place, the candidates to choose from).
public struct CodiceFiscaleEncoding: Sendable, Equatable {
    public var code: String?
    /// The Belfiore row used (valid on the birth date).
    public var birthPlace: BelfioreEntry?
    /// Places the birth place could mean when it is ambiguous, or close matches when not found.
    public var candidates: [BelfioreEntry] = []
    public var errors: [CodiceFiscaleIssue] = []
    public var warnings: [CodiceFiscaleIssue] = []

    public init() {}
}
