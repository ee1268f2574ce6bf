/// Computes a codice fiscale from personal data (DM 23/12/1976): three letters of the surname,
/// three of the name, year, month letter, day (+40 for women), the Belfiore code valid on the
/// birth date, check character.
public struct CodiceFiscaleEncoder: Sendable {
    public let table: BelfioreTable

    public init(table: BelfioreTable = .shared) {
        self.table = table
    }

    public func encode(_ person: CodiceFiscalePerson) -> CodiceFiscaleEncoding {
        var result = CodiceFiscaleEncoding()
        let surname = CodiceFiscaleEncoder.surnameCode(person.surname)
        let name = CodiceFiscaleEncoder.nameCode(person.name)
        if surname == nil {
            result.errors.append(CodiceFiscaleIssue(.invalidSurname, "Il cognome «\(person.surname)» non contiene lettere."))
        }
        if name == nil {
            result.errors.append(CodiceFiscaleIssue(.invalidName, "Il nome «\(person.name)» non contiene lettere."))
        }
        let place = resolvePlace(person.birthPlace, on: person.birthDate, into: &result)
        guard let surname, let name, let place else { return result }
        result.birthPlace = place
        let first15 = surname + name + CodiceFiscaleEncoder.dateCode(person.birthDate, sex: person.sex) + place.code
        let check = CodiceFiscaleTables.checkCharacter(of: Array(first15.utf8))
        result.code = first15 + String(Character(Unicode.Scalar(check)))
        return result
    }

    /// Resolves the typed birth place on the birth date; records errors, warnings and candidates.
    public func resolvePlace(_ text: String, on date: CivilDate, into result: inout CodiceFiscaleEncoding) -> BelfioreEntry? {
        let query = BirthPlaceQuery(text)
        if let code = query.code {
            let rows = table.entries(forCode: code)
            if rows.isEmpty {
                result.errors.append(CodiceFiscaleIssue(.unknownPlace,
                    "Codice catastale «\(code)» sconosciuto: nessun comune o stato estero ha questo codice."))
                return nil
            }
            if let row = table.entry(forCode: code, on: date) { return row }
            result.errors.append(CodiceFiscaleIssue(.placeNotValidOnDate,
                "Il codice catastale «\(code)» (\(rows.last?.shortDescription ?? code)) non era valido alla data di nascita \(date.italian): valido \(rows.map(\.periodDescription).joined(separator: "; "))."))
            return nil
        }
        if NameKey.make(query.name).isEmpty {
            result.errors.append(CodiceFiscaleIssue(.unknownPlace, "Luogo di nascita mancante: indicare il comune (con la provincia) o lo stato estero."))
            return nil
        }
        let asked = query.province.map { "\(query.name) (\($0))" } ?? query.name
        switch table.resolve(name: query.name, province: query.province, on: date) {
        case .found(let row):
            if NameKey.make(row.name) != NameKey.make(query.name) {
                result.warnings.append(CodiceFiscaleIssue(.placeRenamed,
                    "Alla data di nascita \(date.italian) il luogo «\(query.name)» si chiamava \(row.displayName) (codice \(row.code))."))
            }
            return row
        case .ambiguous(let rows):
            result.candidates = rows
            let list = rows.map { "\($0.displayName) [\($0.code)]" }.joined(separator: ", ")
            result.errors.append(CodiceFiscaleIssue(.ambiguousPlace,
                "Luogo di nascita «\(asked)» ambiguo alla data \(date.italian): indicare la provincia tra \(list)."))
            return nil
        case .notValidOnDate(let rows):
            result.candidates = rows
            let periods = rows.map { "\($0.displayName) codice \($0.code) valido \($0.periodDescription)" }.joined(separator: "; ")
            result.errors.append(CodiceFiscaleIssue(.placeNotValidOnDate,
                "Il luogo «\(asked)» non esisteva con questo nome alla data di nascita \(date.italian): \(periods)."))
            return nil
        case .notFound(let elsewhere):
            // One row per code (the latest): the periods do not matter here.
            var latest: [BelfioreEntry] = []
            for row in elsewhere {
                if let i = latest.firstIndex(where: { $0.code == row.code }) {
                    if latest[i].validFrom < row.validFrom { latest[i] = row }
                } else {
                    latest.append(row)
                }
            }
            result.candidates = latest
            var message = "Luogo di nascita «\(asked)» sconosciuto: nessun comune o stato estero con questo nome"
            if let province = query.province, !elsewhere.isEmpty {
                var seen: [String] = []
                for row in elsewhere where !seen.contains(row.displayName) { seen.append(row.displayName) }
                message += " in provincia \(province); esiste: \(seen.joined(separator: ", "))"
            }
            result.errors.append(CodiceFiscaleIssue(.unknownPlace, message + "."))
            return nil
        }
    }

    // MARK: Parts of the code

    /// Surname letters: consonants, then vowels, then X, three in all; nil without letters.
    public static func surnameCode(_ surname: String) -> String? {
        let (consonants, vowels) = split(surname)
        guard !consonants.isEmpty || !vowels.isEmpty else { return nil }
        return pad(consonants + vowels)
    }

    /// Name letters: with four or more consonants the 1st, 3rd and 4th; otherwise as the surname.
    public static func nameCode(_ name: String) -> String? {
        let (consonants, vowels) = split(name)
        guard !consonants.isEmpty || !vowels.isEmpty else { return nil }
        if consonants.count >= 4 {
            return String([consonants[0], consonants[2], consonants[3]])
        }
        return pad(consonants + vowels)
    }

    /// Year (two digits), month letter, day (+40 for women): "80A01", "85M55".
    public static func dateCode(_ date: CivilDate, sex: CodiceFiscaleSex) -> String {
        let yy = date.year % 100
        let day = date.day + (sex == .female ? 40 : 0)
        let month = Character(Unicode.Scalar(CodiceFiscaleTables.monthLetters[date.month - 1]))
        return "\(yy < 10 ? "0" : "")\(yy)\(month)\(day < 10 ? "0" : "")\(day)"
    }

    /// The check character of the first 15 characters (upper-case letters and digits); nil
    /// when they are not 15 such characters.
    public static func checkCharacter(first15: String) -> Character? {
        let bytes = Array(first15.utf8)
        guard bytes.count == 15, bytes.allSatisfy({ CodiceFiscaleTables.isUpperLetter($0) || CodiceFiscaleTables.isDigit($0) }) else { return nil }
        return Character(Unicode.Scalar(CodiceFiscaleTables.checkCharacter(of: bytes)))
    }

    private static func split(_ text: String) -> ([Character], [Character]) {
        var consonants: [Character] = []
        var vowels: [Character] = []
        for c in NameKey.letters(text) {
            if "AEIOU".contains(c) { vowels.append(c) } else { consonants.append(c) }
        }
        return (consonants, vowels)
    }

    private static func pad(_ letters: [Character]) -> String {
        var out = Array(letters.prefix(3))
        while out.count < 3 { out.append("X") }
        return String(out)
    }
}
