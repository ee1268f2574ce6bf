/// One difference between what a codice fiscale encodes and the personal data typed.
public struct FiscalCodeMismatch: Hashable, Sendable, Codable {
    /// The personal-data field that disagrees with the code.
    public var field: ContactField
    /// Italian explanation with both sides ("Il sesso indicato è femminile, il codice
    /// fiscale è di sesso maschile.").
    public var message: String

    public init(field: ContactField, message: String) {
        self.field = field
        self.message = message
    }
}
