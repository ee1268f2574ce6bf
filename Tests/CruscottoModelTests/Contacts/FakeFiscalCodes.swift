@testable import CruscottoModel

/// A stand-in for the codice fiscale module: valid codes are the ones listed, each with
/// the sex and birth date it encodes, so tests control exactly what mismatches.
struct FakeFiscalCodes: FiscalCodeChecking {
    var known: [String: (sex: Sex, birthDate: CivilDate)] = [
        "RSSMRA80C12G535T": (.male, CivilDate(year: 1980, month: 3, day: 12)!),
        "DNGNCL85E50F205X": (.female, CivilDate(year: 1985, month: 5, day: 10)!),
    ]

    func problem(with code: String) -> String? {
        known[code] == nil ? "codice fiscale non valido" : nil
    }

    func mismatches(code: String, surname: String, name: String, sex: Sex?, birthDate: CivilDate?, birthPlace: String) -> [FiscalCodeMismatch] {
        guard let facts = known[code] else { return [] }
        var result: [FiscalCodeMismatch] = []
        if let sex, sex != facts.sex {
            result.append(FiscalCodeMismatch(field: .sex, message: "Sesso: \(sex.rawValue), nel codice \(facts.sex.rawValue)."))
        }
        if let birthDate, birthDate != facts.birthDate {
            result.append(FiscalCodeMismatch(field: .birthDate, message: "Nato il \(birthDate.italian), nel codice \(facts.birthDate.italian)."))
        }
        return result
    }
}

let today = CivilDate(year: 2026, month: 11, day: 30)!
