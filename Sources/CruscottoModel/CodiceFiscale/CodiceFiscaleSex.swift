/// Sex as written in the codice fiscale (women's birth day is increased by 40).
public enum CodiceFiscaleSex: String, Sendable, Hashable, Codable {
    case male = "M"
    case female = "F"

    public var italian: String { self == .male ? "maschile" : "femminile" }
}
