import ArgumentParser
import CounterTUI
import CruscottoModel
import Foundation
import LocalStore

/// `sportello-tui demo`: creates (or reuses) a demo station and prints its credentials.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Prepara una stazione di prova (ufficio, sportello, operatori demo) e ne stampa le credenziali.",
        discussion: """
        Senza --home usa $SPORTELLO_DEMO_HOME, poi ~/.local/share/sportello-tui-demo (mai la \
        stazione di $SPORTELLO_HOME). Se la cartella contiene già una stazione demo la riusa; \
        --reset la cancella e la ricrea. Una cartella esistente che non è una stazione demo non \
        viene mai toccata. Poi: \
        'sportello-tui --home DIR' apre il cruscotto (scripts/demo fa tutto in un passo).
        Solo per i test: --seed sceglie i dati generati.
        """
    )

    @Option(name: .long, help: ArgumentHelp(
        "Cartella della stazione demo (predefinita: $SPORTELLO_DEMO_HOME, poi ~/.local/share/sportello-tui-demo; mai quella di una stazione vera).",
        valueName: "DIR"))
    var home: String?

    @Flag(help: "Cancella la stazione demo esistente e la ricrea.")
    var reset = false

    @Option(help: ArgumentHelp("Solo test: seme dei dati demo (predefinito \(DemoStationPlan.defaultSeed)).", valueName: "N"))
    var seed: UInt64 = DemoStationPlan.defaultSeed

    func run() async throws {
        let home = try Self.demoHome(home, environment: ProcessInfo.processInfo.environment)
        let outcome: DemoStationSetup.Outcome
        do {
            outcome = try await DemoStationSetup.prepare(home: home, reset: reset, seed: seed)
        } catch let failure as DemoStationSetup.Failure {
            throw CommandFailure.usage(failure.description)
        } catch {
            throw HomeOptions.failure(for: error)
        }
        print(outcome.created ? "Stazione demo creata in \(home.path)" : "Stazione demo esistente in \(home.path) (--reset per ricrearla)")
        print("Ufficio: \(DemoStationPlan.officeName) · Sportello \(DemoStationPlan.counter)")
        print("")
        print("Credenziali demo (solo per prova):")
        let width = max(12, outcome.plan.operators.map(\.username.count).max() ?? 0)
        let passwordWidth = max(10, outcome.plan.operators.map(\.password.count).max() ?? 0)
        func row(_ username: String, _ password: String, _ rest: String) -> String {
            "  " + username.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                + password.padding(toLength: passwordWidth + 2, withPad: " ", startingAt: 0) + rest
        }
        // Name and roles on two lines, so that the table fits 80 columns.
        print(row("utente", "password", "nome e ruolo"))
        for demo in outcome.plan.operators {
            print(row(demo.username, demo.password, demo.fullName))
            print(row("", "", demo.roles.sorted().map(\.label).joined(separator: ", ")))
        }
        if let first = outcome.plan.operators.first {
            print("")
            print("Per iniziare: utente \(first.username), password \(first.password).")
        }
        print("")
        print("Cruscotto: sportello-tui --home \(home.path)")
    }

    /// --home, else $SPORTELLO_DEMO_HOME, else ~/.local/share/sportello-tui-demo: never the
    /// station home of $SPORTELLO_HOME, so a demo does not take the place of a real station.
    static func demoHome(_ option: String?, environment: [String: String]) throws -> StationHome {
        if let option, !option.isEmpty { return StationHome(path: option) }
        if let path = environment["SPORTELLO_DEMO_HOME"], !path.isEmpty { return StationHome(path: path) }
        if let user = environment["HOME"], !user.isEmpty { return StationHome(path: user + "/.local/share/sportello-tui-demo") }
        throw CommandFailure.usage("cartella della stazione demo sconosciuta: indicare --home o SPORTELLO_DEMO_HOME")
    }
}
