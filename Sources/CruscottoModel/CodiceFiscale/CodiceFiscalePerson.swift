/// The personal data a codice fiscale is computed from.
public struct CodiceFiscalePerson: Sendable, Hashable {
    public var surname: String
    public var name: String
    public var sex: CodiceFiscaleSex
    public var birthDate: CivilDate
    /// "Comune (PR)", "Comune", a foreign state's name, or a Belfiore code ("H501").
    public var birthPlace: String

    public init(surname: String, name: String, sex: CodiceFiscaleSex, birthDate: CivilDate, birthPlace: String) {
        self.surname = surname
        self.name = name
        self.sex = sex
        self.birthDate = birthDate
        self.birthPlace = birthPlace
    }
}
