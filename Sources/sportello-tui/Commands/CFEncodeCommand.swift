import ArgumentParser
import CruscottoModel
import Foundation

/// `sportello-tui cf encode …`: computes the code from personal data; an ambiguous place lists
/// its candidates instead of guessing (exit 1).
struct CFEncodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Calcola il codice fiscale da cognome, nome, sesso, data e luogo di nascita."
    )

    @Option(name: .customLong("cognome"), help: "Cognome.")
    var surname: String

    @Option(name: .customLong("nome"), help: "Nome (tutti i nomi di battesimo).")
    var name: String

    @Option(name: .customLong("sesso"), help: "M o F.")
    var sex: String

    @Option(name: .customLong("nascita"), help: "Data di nascita, AAAA-MM-GG.")
    var birthDate: String

    @Option(name: .customLong("luogo"), help: "\"Comune (PR)\", \"Comune\", \"Stato estero\" o codice catastale.")
    var place: String

    @Flag(name: .long, help: "Risposta in JSON su stdout.")
    var json = false

    func run() async throws {
        guard let sexValue = CodiceFiscaleSex(rawValue: sex.trimmingCharacters(in: .whitespaces).uppercased()) else {
            throw CommandFailure.usage("sesso non valido: «\(sex)» (M o F)")
        }
        let parts = birthDate.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            throw CommandFailure.usage("data di nascita non valida: «\(birthDate)» (formato AAAA-MM-GG)")
        }
        var result = CodiceFiscaleEncoding()
        var dateValue: CivilDate?
        if let date = CivilDate(iso: birthDate) {
            dateValue = date
            let person = CodiceFiscalePerson(surname: surname, name: name, sex: sexValue, birthDate: date, birthPlace: place)
            result = CodiceFiscaleEncoder().encode(person)
        } else {
            result.errors.append(CodiceFiscaleIssue(.impossibleDate, CFEncodeCommand.impossibleDateMessage(parts.map { Int($0) ?? 0 })))
        }

        if json {
            CFOutput.printJSON([
                "valid": result.code != nil,
                "code": CFOutput.orNull(result.code),
                "normalized": CFOutput.orNull(result.code),
                "errors": CFOutput.issues(result.errors),
                "warnings": CFOutput.issues(result.warnings),
                "sex": sexValue.rawValue,
                "birth_date": CFOutput.orNull(dateValue?.iso),
                "birth_place": CFOutput.place(result.birthPlace),
                "candidates": result.candidates.map { CFOutput.place($0) },
                "omocode": false,
                "base_code": CFOutput.orNull(result.code),
            ] as [String: Any])
        } else {
            if let code = result.code {
                print(code)
                if let place = result.birthPlace { print("Luogo di nascita: \(CFOutput.placeLine(place))") }
            }
            for issue in result.errors { print("errore: \(issue.message)") }
            if !result.candidates.isEmpty {
                print("Candidati:")
                for row in result.candidates {
                    print("  \(row.code)  \(row.displayName)  \(row.periodDescription)")
                }
            }
            for issue in result.warnings { print("avviso: \(issue.message)") }
        }
        if result.code == nil {
            throw CommandFailure.rejected("codice fiscale non calcolabile: \(result.errors.first?.message ?? "")")
        }
    }

    /// "Data di nascita impossibile: 30 febbraio 1980 (il mese ha 29 giorni)."
    static func impossibleDateMessage(_ ymd: [Int]) -> String {
        let (year, month, day) = (ymd[0], ymd[1], ymd[2])
        guard year >= 1 else { return "Data di nascita impossibile: l'anno \(year) non esiste." }
        guard (1...12).contains(month) else {
            return "Data di nascita impossibile: il mese \(month) non esiste."
        }
        let days = CivilDate.daysIn(month: month, year: year)
        return "Data di nascita impossibile: \(day) \(CivilDate.italianMonthNames[month - 1]) \(year) (il mese ha \(days) giorni)."
    }
}
