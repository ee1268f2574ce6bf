import ArgumentParser
import Foundation
import LocalStore

/// What `sync skip` and `sync retry` share: the letter, the reason, and who acts.
struct SyncResolveOptions: ParsableArguments {
    @OptionGroup var homeOptions: HomeOptions

    @Argument(help: ArgumentHelp("Numero del messaggio in sospeso (sync dead-letters).", valueName: "ID"))
    var id: Int64

    @Option(help: ArgumentHelp("Motivo, registrato nelle azioni amministrative.", valueName: "TESTO"))
    var reason: String

    @Option(name: .customLong("operator"), help: ArgumentHelp(
        "Chi agisce (predefinito: $SPORTELLO_OPERATOR, altrimenti sistema:<utente>).", valueName: "USERNAME"))
    var operatorName: String?

    var actor: (operator: String, osUser: String) {
        let environment = ProcessInfo.processInfo.environment
        let user = environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "sconosciuto"
        let named = operatorName ?? environment["SPORTELLO_OPERATOR"].flatMap { $0.isEmpty ? nil : $0 }
        return (named ?? "sistema:" + user, user)
    }
}
