import ArgumentParser
import CruscottoModel
import Foundation
import LocalStore

/// `central init --url URL --station NAME… --secrets DIR`: schema, the default office's queue
/// configuration when there is none, and one role per station that may only call the station
/// functions. Each station's password goes to `DIR/NAME.password` (mode 0600).
struct CentralInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Crea lo schema centrale, la configurazione predefinita e un ruolo per postazione.")

    @OptionGroup var central: CentralURLOption

    @Option(name: .long, help: ArgumentHelp("Postazione a cui creare un ruolo (ripetibile).", valueName: "NOME"))
    var station: [String] = []

    @Option(name: .long, help: ArgumentHelp("Cartella dove scrivere le password delle postazioni (file 0600).", valueName: "DIR"))
    var secrets: String?

    @Option(name: .long, help: "Prefisso dei ruoli (i ruoli valgono per tutto il cluster).")
    var rolePrefix = "sportello_"

    @Option(name: .long, help: ArgumentHelp("Configurazione della coda da caricare se manca (TOML).", valueName: "FILE"))
    var queueConfig: String?

    @Option(name: .long, help: ArgumentHelp("Nome dell'ufficio (predefinito, se manca: \(StationSetup.defaultOfficeName)).", valueName: "NOME"))
    var office: String?

    func validate() throws {
        if !station.isEmpty, secrets == nil {
            throw CommandFailure.usage("--secrets DIR è necessario per salvare le password delle postazioni")
        }
    }

    func run() async throws {
        let url = try central.parsed()
        let configuration = try CentralQueueConfigurationSource.load(path: queueConfig)
        if let secrets {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: secrets, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CommandFailure.usage("cartella delle password inesistente: \(secrets)")
            }
            for name in station where FileManager.default.fileExists(atPath: secrets + "/\(name).password") {
                throw CommandFailure.rejected("esiste già \(secrets)/\(name).password: spostarlo prima di rigenerarlo")
            }
        }
        let outcome: PostgresCentralAdmin.InitOutcome
        do {
            outcome = try await PostgresCentralAdmin.initialize(
                url, configuration: configuration, stations: station, rolePrefix: rolePrefix, officeName: office)
        } catch { throw error.commandFailure }
        print("Schema centrale alla versione \(outcome.migration.after); ruolo delle postazioni: \(outcome.groupRole).")
        if outcome.configurationWritten { print("Configurazione della coda caricata.") }
        print("Ufficio: \(outcome.officeName).")
        for role in outcome.stations {
            let path = (secrets ?? ".") + "/\(role.station).password"
            guard FileManager.default.createFile(atPath: path, contents: Data((role.password + "\n").utf8),
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw CommandFailure.usage("impossibile scrivere \(path)")
            }
            print("Postazione \(role.station): ruolo \(role.role), password in \(path)")
            print("  central = \"postgresql://\(role.role)@\(url.host):\(url.port)/\(url.database)?password_file=\(path)\"")
        }
    }
}
