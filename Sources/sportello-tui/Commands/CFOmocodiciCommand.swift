import ArgumentParser
import CruscottoModel

/// `sportello-tui cf omocodici CODE`: the base code and its 128 omocodic spellings.
struct CFOmocodiciCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "omocodici",
        abstract: "Elenca le 128 varianti omocodiche di un codice fiscale e il codice base."
    )

    @Argument(help: "Il codice fiscale (anche omocodico).")
    var code: String

    @OptionGroup var options: CFOptions

    func run() async throws {
        let report = CodiceFiscaleDecoder().decode(code, reference: try options.referenceDate())
        let variants = report.valid && report.kind == .standard ? CodiceFiscaleOmocodia.variants(of: report.normalized) ?? [] : []
        if options.json {
            var object = CFOutput.report(report)
            object["variants"] = variants.map { ["code": $0, "level": CodiceFiscaleOmocodia.level(of: $0) ?? 0] as [String: Any] }
            CFOutput.printJSON(object)
        } else if report.valid && report.kind == .provisional {
            print("\(report.normalized): codice numerico provvisorio, non ha varianti omocodiche")
        } else if report.valid {
            print("Codice base: \(report.baseCode ?? "")\(report.isOmocode ? " (il codice dato è omocodico di livello \(report.omocodeLevel))" : "")")
            print("Varianti (\(variants.count)):")
            for variant in variants {
                print("  \(variant)  livello \(CodiceFiscaleOmocodia.level(of: variant) ?? 0)")
            }
            CFOutput.printIssues(report)
        } else {
            print("\(report.normalized.isEmpty ? code : report.normalized): non valido")
            CFOutput.printIssues(report)
        }
        try CFOutput.finish(report)
    }
}
