import ArgumentParser
import CruscottoModel
import Foundation

/// Options shared by the `cf` subcommands.
struct CFOptions: ParsableArguments {
    @Flag(name: .long, help: "Risposta in JSON su stdout.")
    var json = false

    @Option(name: .customLong("riferimento"),
            help: "Data di riferimento per il secolo di nascita (AAAA-MM-GG; predefinita: oggi, ora di Roma).")
    var reference: String?

    /// The reference date for century inference: the option, else today in Europe/Rome (from
    /// the test-only fixed clock `SPORTELLO_FIXED_CLOCK` when set).
    func referenceDate() throws -> CivilDate {
        if let reference {
            guard let date = CivilDate(iso: reference) else {
                throw CommandFailure.usage("data di riferimento non valida: «\(reference)» (formato AAAA-MM-GG)")
            }
            return date
        }
        var now = Date()
        if let fixed = ProcessInfo.processInfo.environment["SPORTELLO_FIXED_CLOCK"] {
            guard let instant = ISO8601DateFormatter().date(from: fixed) else {
                throw CommandFailure.usage("SPORTELLO_FIXED_CLOCK non valido: «\(fixed)» (ISO-8601)")
            }
            now = instant
        }
        return CivilDate(now, timeZone: TimeZone(identifier: "Europe/Rome") ?? .current)
    }

    /// Decodes `code` and answers as every `cf` reading command does: JSON with `--json`,
    /// else `printText(report, shown code)` and the issues; then the exit status.
    func answer(_ code: String, printText: (CodiceFiscaleReport, String) -> Void) throws {
        let report = CodiceFiscaleDecoder().decode(code, reference: try referenceDate())
        if json {
            CFOutput.printJSON(CFOutput.report(report))
        } else {
            printText(report, report.normalized.isEmpty ? code : report.normalized)
            CFOutput.printIssues(report)
        }
        try CFOutput.finish(report)
    }
}
