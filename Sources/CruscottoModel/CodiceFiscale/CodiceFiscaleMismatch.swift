/// Compares a codice fiscale with a person's data and lists the differences as warnings: the
/// registry shows them and the operator may override (a mismatch is never a block).
public struct CodiceFiscaleMismatch: Sendable {
    public let table: BelfioreTable

    public init(table: BelfioreTable = .shared) {
        self.table = table
    }

    /// Warnings (codes `*_mismatch`); empty when the code agrees with the data or is not well
    /// formed (the code's own errors come from `CodiceFiscaleDecoder`).
    public func warnings(code: String, person: CodiceFiscalePerson) -> [CodiceFiscaleIssue] {
        guard let base = CodiceFiscaleOmocodia.base(of: code) else { return [] }
        let b = Array(base)
        var out: [CodiceFiscaleIssue] = []
        if let expected = CodiceFiscaleEncoder.surnameCode(person.surname), expected != String(b[0..<3]) {
            out.append(CodiceFiscaleIssue(.surnameMismatch,
                "Il cognome «\(person.surname)» corrisponde a «\(expected)», il codice fiscale ha «\(String(b[0..<3]))»."))
        }
        if let expected = CodiceFiscaleEncoder.nameCode(person.name), expected != String(b[3..<6]) {
            out.append(CodiceFiscaleIssue(.nameMismatch,
                "Il nome «\(person.name)» corrisponde a «\(expected)», il codice fiscale ha «\(String(b[3..<6]))»."))
        }
        let rawDay = Int(String(b[9..<11])) ?? 0
        let codeSex: CodiceFiscaleSex = rawDay > 40 ? .female : .male
        if codeSex != person.sex {
            out.append(CodiceFiscaleIssue(.sexMismatch,
                "Il sesso indicato è \(person.sex.italian), il codice fiscale è di sesso \(codeSex.italian)."))
        }
        let expectedDate = CodiceFiscaleEncoder.dateCode(person.birthDate, sex: codeSex)
        if expectedDate != String(b[6..<11]) {
            out.append(CodiceFiscaleIssue(.birthDateMismatch,
                "La data di nascita \(person.birthDate.italian) corrisponde a «\(expectedDate)», il codice fiscale ha «\(String(b[6..<11]))»."))
        }
        let codePlace = String(b[11..<15])
        var resolution = CodiceFiscaleEncoding()
        let encoder = CodiceFiscaleEncoder(table: table)
        if let place = encoder.resolvePlace(person.birthPlace, on: person.birthDate, into: &resolution) {
            if place.code != codePlace {
                out.append(CodiceFiscaleIssue(.birthPlaceMismatch,
                    "Il luogo di nascita \(place.displayName) ha codice «\(place.code)», il codice fiscale ha «\(codePlace)»\(placeName(codePlace, on: person.birthDate))."))
            }
        } else if !resolution.candidates.contains(where: { $0.code == codePlace }) {
            let reason = resolution.errors.first?.message ?? ""
            out.append(CodiceFiscaleIssue(.birthPlaceMismatch,
                "Luogo di nascita «\(person.birthPlace)» non verificabile con il codice «\(codePlace)»\(placeName(codePlace, on: person.birthDate)): \(reason)"))
        }
        return out
    }

    private func placeName(_ code: String, on date: CivilDate) -> String {
        guard let row = table.entry(forCode: code, on: date) ?? table.entries(forCode: code).last else { return "" }
        return " (\(row.displayName))"
    }
}
