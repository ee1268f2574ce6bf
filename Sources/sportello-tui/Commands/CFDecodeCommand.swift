import ArgumentParser
import CruscottoModel

/// `sportello-tui cf decode CODE`: sex, birth date, birth place and omocodia of a code.
struct CFDecodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decodifica un codice fiscale: sesso, data e luogo di nascita, omocodia."
    )

    @Argument(help: "Il codice fiscale.")
    var code: String

    @OptionGroup var options: CFOptions

    func run() async throws {
        try options.answer(code) { report, shown in
            print("Codice fiscale:   \(shown) (\(report.valid ? "valido" : "non valido"))")
            if report.kind == .provisional {
                print("Tipo:             codice numerico provvisorio (11 cifre)")
            }
            if let sex = report.sex { print("Sesso:            \(sex.rawValue) (\(sex.italian))") }
            if let date = report.birthDate { print("Data di nascita:  \(date.italian)") }
            if let place = report.birthPlace {
                let invalid = report.errors.contains { $0.code == .placeNotValidOnDate }
                print("Luogo di nascita: \(CFOutput.placeLine(place))\(invalid ? " (codice non valido alla data di nascita)" : "")")
            }
            if report.kind == .standard, report.baseCode != nil || report.isOmocode {
                if report.isOmocode {
                    print("Omocodia:         livello \(report.omocodeLevel), codice base \(report.baseCode ?? "-")")
                } else {
                    print("Omocodia:         no")
                }
            }
        }
    }
}
