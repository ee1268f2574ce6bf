import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// Who is reading or changing the registry from the command line, and why: every contacts
/// command builds the access context of its audit rows from these options.
///
/// - `--operator USERNAME` (else `$SPORTELLO_OPERATOR`): an operator of the station's cache,
///   not disabled; without either, the administrative identity `sistema:<utente del sistema>`
///   (the account running the command) is recorded.
/// - `--purpose` (default `administration`): service, backoffice, audit, administration;
///   `training` is refused (training never touches the real registry).
struct ContactsAccessOptions: ParsableArguments {
    @Option(name: .customLong("operator"), help: ArgumentHelp(
        "Operatore registrato nel controllo degli accessi (predefinito: $SPORTELLO_OPERATOR, altrimenti sistema:<utente>).",
        valueName: "USERNAME"))
    var operatorName: String?

    @Option(help: ArgumentHelp("Finalità dell'accesso: service, backoffice, audit, administration.", valueName: "FINALITÀ"))
    var purpose: String = AccessPurpose.administration.rawValue

    func context(for station: Station) throws -> AccessContext {
        guard let purpose = AccessPurpose(rawValue: purpose), purpose != .training else {
            throw CommandFailure.usage("finalità «\(self.purpose)» non valida: service, backoffice, audit o administration")
        }
        let environment = ProcessInfo.processInfo.environment
        let named = operatorName ?? environment["SPORTELLO_OPERATOR"].flatMap { $0.isEmpty ? nil : $0 }
        guard let named else {
            let user = environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "sconosciuto"
            return station.accessContext(operator: "sistema:" + user, purpose: purpose)
        }
        let username = named.trimmingCharacters(in: .whitespaces).lowercased()
        let known = try ContactsCommandSupport.cachedOperators(station)
        guard let account = known.first(where: { $0.username == username }) else {
            throw CommandFailure.usage("operatore «\(username)» sconosciuto a questa stazione")
        }
        guard !account.disabled else { throw CommandFailure.usage("operatore «\(username)» disabilitato") }
        return station.accessContext(operator: username, purpose: purpose)
    }
}
