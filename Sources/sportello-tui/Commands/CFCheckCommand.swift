import ArgumentParser
import CruscottoModel

/// `sportello-tui cf check CODE`: is the code valid (exit 0) or not (exit 1), and why.
struct CFCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verifica un codice fiscale (16 caratteri o 11 cifre provvisorio)."
    )

    @Argument(help: "Il codice fiscale (maiuscole/minuscole, spazi e trattini ammessi).")
    var code: String

    @OptionGroup var options: CFOptions

    func run() async throws {
        try options.answer(code) { report, shown in
            print("\(shown): \(report.valid ? "valido" : "non valido")\(report.kind == .provisional ? " (codice numerico provvisorio)" : "")")
        }
    }
}
