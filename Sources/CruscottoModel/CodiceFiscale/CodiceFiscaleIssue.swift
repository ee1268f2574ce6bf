/// A problem found in a codice fiscale or in the data to compute one: a stable machine code
/// (for JSON and for callers) and the Italian message shown to operators.
public struct CodiceFiscaleIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case empty
        case wrongLength = "wrong_length"
        case invalidCharacter = "invalid_character"
        case unexpectedCharacter = "unexpected_character"
        case checkCharacter = "check_character"
        case checkDigit = "check_digit"
        case invalidMonth = "invalid_month"
        case invalidDay = "invalid_day"
        case impossibleDate = "impossible_date"
        case unknownPlace = "unknown_place"
        case placeNotValidOnDate = "place_not_valid_on_date"
        case ambiguousPlace = "ambiguous_place"
        case invalidSurname = "invalid_surname"
        case invalidName = "invalid_name"
        case omocodeOrder = "omocode_order"
        case placeRenamed = "place_renamed"
        case surnameMismatch = "surname_mismatch"
        case nameMismatch = "name_mismatch"
        case sexMismatch = "sex_mismatch"
        case birthDateMismatch = "birth_date_mismatch"
        case birthPlaceMismatch = "birth_place_mismatch"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
