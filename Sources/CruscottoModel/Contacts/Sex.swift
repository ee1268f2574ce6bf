/// Sex as recorded in the civil registry and encoded in the codice fiscale.
public enum Sex: String, CaseIterable, Hashable, Sendable, Codable {
    case male = "M"
    case female = "F"

    /// Reads "M", "F", "maschio", "femmina", "male", "female", "uomo", "donna".
    public init?(parsing text: String) {
        switch SearchText.joinedKey(text) {
        case "m", "maschio", "male", "uomo", "maschile": self = .male
        case "f", "femmina", "female", "donna", "femminile": self = .female
        default: return nil
        }
    }
}
