import CruscottoModel
import Foundation
import LocalStore
@testable import CounterTUI

/// Drives the cruscotto with a real contact registry (an in-memory store) key by key, running
/// each effect to completion before the next key.
final class ContactsDriver {
    let service: FakeSessionService
    let clock = ManualClock(StationDriver.start)
    let store: AppDatabase
    /// The office queue when the station is a counter (`withQueue`), on the driver's clock.
    let queue: InMemoryQueueBackend?
    let program: CruscottoProgram
    let terminal: VirtualTerminal
    let bindings: any KeyBindings
    var state: CruscottoAppState
    private(set) var bells = 0

    /// The demo-like registry of the tests: Niccolò Rossi twice (the second without codice
    /// fiscale, same birth date and phone), Anna Bianchi with an expired identity card.
    static let rossiCode: String = CodiceFiscaleEncoder().encode(CodiceFiscalePerson(
        surname: "Rossi", name: "Niccolò", sex: .male, birthDate: CivilDate(year: 1980, month: 1, day: 1)!, birthPlace: "Roma")).code!

    /// `withQueue`: the station is a counter of the default office (as the demo station is).
    init(columns: Int = 80, rows: Int = 24, seeded: Bool = true, central: CentralState = .localOnly,
         withQueue: Bool = false) throws {
        service = FakeSessionService(central: central)
        store = try AppDatabase.inMemory(clock: clock)
        let queue = withQueue
            ? try InMemoryQueueBackend(configuration: DefaultQueueOffice.configuration, clock: clock) : nil
        self.queue = queue
        program = CruscottoProgram(service: service, clock: clock, contacts: StoreContactDirectory(store: store),
                                   queue: queue)
        terminal = VirtualTerminal(columns: columns, rows: rows)
        bindings = try Keymap.loadDefault()
        let station = StationSummary(officeName: "Comune di Piacenza · Sportello Facile", stationID: "sportello-3",
                                     counter: 3, idleLockMinutes: 5)
        state = CruscottoAppState(station: station, central: central, now: StationDriver.start, size: terminal.size)
        if seeded { try seed() }
        render()
    }

    static let seeder = AccessContext(operatorUsername: "admin", stationID: "sportello-3", purpose: .administration)

    private func seed() throws {
        let today = CivilDate(year: 2026, month: 11, day: 30)!
        clock.advance(by: -86_400 * 30)
        var rossi = ContactDraft()
        rossi.surname = "Rossi"; rossi.name = "Niccolò"; rossi.sex = "M"; rossi.birthDate = "01/01/1980"; rossi.birthPlace = "Roma"
        rossi.fiscalCode = Self.rossiCode
        rossi.street = "Via Roma"; rossi.streetNumber = "1"; rossi.cap = "29121"; rossi.comune = "Piacenza"; rossi.province = "PC"
        rossi.phones = ["333 1234567"]; rossi.emails = ["niccolo.rossi@example.it"]; rossi.preferredChannel = "sms"
        rossi.consentPrivacy = "sì 12/03/2025"; rossi.consentSMS = "sì 12/03/2025"
        rossi.documentKind = "cie"; rossi.documentNumber = "CA12345AB"; rossi.documentIssuer = "Comune di Piacenza"; rossi.documentExpiry = "01/02/2030"
        let first = try store.createContact(rossi.validated(today: today), context: Self.seeder)
        clock.advance(by: 86_400)
        try store.appendContactHistory(first.id, kind: .ticket, summary: "Certificato di residenza", reference: "A042", context: Self.seeder)

        var again = ContactDraft()
        again.surname = "Rossi"; again.name = "Niccolò"; again.birthDate = "01/01/1980"; again.phones = ["+39 333 123 4567"]
        again.notes = "Registrato senza documento."
        let second = try store.createContact(again.validated(today: today), context: Self.seeder)
        clock.advance(by: 86_400)
        try store.appendContactHistory(second.id, kind: .phoneCall, summary: "Chiede gli orari", context: Self.seeder)

        var bianchi = ContactDraft()
        bianchi.surname = "Bianchi"; bianchi.name = "Anna"; bianchi.sex = "F"; bianchi.birthDate = "12/03/1975"
        bianchi.street = "Via Cavour"; bianchi.streetNumber = "7"; bianchi.cap = "29121"; bianchi.comune = "Piacenza"
        bianchi.documentKind = "carta d'identità"; bianchi.documentNumber = "AU1234567"; bianchi.documentExpiry = "15/04/2026"
        bianchi.warningsConfirmed = true
        try store.createContact(bianchi.validated(today: today), context: Self.seeder)
        clock.advance(by: 86_400 * 28)
        clock.advance(by: StationDriver.start.timeIntervalSince(clock.now()))
    }

    var text: String { terminal.text }

    func press(_ keys: Key...) async {
        for key in keys { await press(key) }
    }

    func press(_ key: Key, times: Int) async {
        for _ in 0..<times { await press(key) }
    }

    private func press(_ key: Key) async {
        let enabled = program.enabledActions(in: state)
        if let action = bindings.action(for: key, on: program.screenName(of: state)), enabled.contains(action) {
            await send(.action(action))
        } else if program.acceptsKey(key, in: state) {
            await send(.key(key))
        } else {
            bells += 1
        }
    }

    func type(_ text: String) async {
        for character in text { await press(.character(character)) }
    }

    func send(_ msg: AppMsg<CruscottoMessage>) async {
        let effects = program.update(&state, msg)
        for effect in effects {
            switch effect {
            case .run(let work): await send(.message(await work()))
            case .bell: bells += 1
            case .fullRedraw: terminal.requestFullRedraw()
            case .quit: break
            }
        }
        render()
    }

    func render() {
        let screen = program.screenName(of: state)
        let help = bindings.help(for: screen)
        let enabled = program.enabledActions(in: state)
        let context = ViewContext(size: terminal.size, now: clock.now(), help: help,
                                  enabledHelp: help.filter { enabled.contains($0.action) })
        let frame = program.view(state, context: context)
        terminal.setCursor(frame.cursor)
        terminal.draw(frame.buffer)
    }

    func logIn(_ username: String = "mario.bianchi", _ password: String = "sportello-3") async {
        await type(username)
        await press(.enter)
        await type(password)
        await press(.enter)
    }

    /// Logged in, search open, "rossi" typed.
    func searchRossi() async {
        await logIn()
        await press(.function(17))
        await type("rossi")
    }

    /// The first Rossi's card open for the counter service.
    func openRossiCard() async {
        await searchRossi()
        await press(.enter)
        await press(.enter)
    }
}
