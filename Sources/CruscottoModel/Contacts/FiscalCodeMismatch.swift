/// One difference between what a codice fiscale encodes and the personal data typed.
public struct FiscalCodeMismatch: Hashable, Sendable, Codable {
    public var field: ContactField
    /// What the code says ("12/03/1980", "F", "G535").
    public var fromCode: String
    /// What the data say.
    public var fromData: String

    public init(field: ContactField, fromCode: String, fromData: String) {
        self.field = field
        self.fromCode = fromCode
        self.fromData = fromData
    }

    public var message: String {
        "\(field.label): secondo il codice fiscale «\(fromCode)», nei dati «\(fromData)»"
    }
}
