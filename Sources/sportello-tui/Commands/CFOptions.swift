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

    /// The reference date for century inference: the option, else today in Europe/Rome.
    func referenceDate() throws -> CivilDate {
        if let reference {
            guard let date = CivilDate(iso: reference) else {
                throw CommandFailure.usage("data di riferimento non valida: «\(reference)» (formato AAAA-MM-GG)")
            }
            return date
        }
        return CivilDate(Date(), timeZone: TimeZone(identifier: "Europe/Rome") ?? .current)
    }
}
