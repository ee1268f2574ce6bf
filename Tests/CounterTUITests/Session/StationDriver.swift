import CruscottoModel
import Foundation
import LocalStore
@testable import CounterTUI

/// Drives `CruscottoProgram` key by key as `AppRuntime.handle` does, but runs each effect to
/// completion before the next key, so a test can look at every screen of a workflow.
final class StationDriver {
    /// 2026-11-30T09:42:00Z, 10:42 in Rome: the clock of every golden screen.
    static let start = Date(timeIntervalSince1970: 1_796_031_720)

    let service: FakeSessionService
    let clock: ManualClock
    let pauses = PauseRecorder()
    let program: CruscottoProgram
    let terminal: VirtualTerminal
    let bindings: any KeyBindings
    var state: CruscottoAppState
    private(set) var bells = 0
    private(set) var quit = false

    /// `queue`: the office queue for the counter (built on the driver's clock), nil for none.
    init(columns: Int = 80, rows: Int = 24, idleLockMinutes: Int = 5, central: CentralState = .localOnly,
         contacts: (any ContactDirectory)? = nil,
         queue: ((ManualClock) throws -> any QueueBackend)? = nil,
         offline: ((ManualClock) throws -> OfflineTicketDesk)? = nil) throws {
        service = FakeSessionService(central: central)
        clock = ManualClock(Self.start)
        let pauses = self.pauses
        program = CruscottoProgram(service: service, clock: clock, contacts: contacts, queue: try queue?(clock),
                                   offline: try offline?(clock), pause: { pauses.pause($0) })
        terminal = VirtualTerminal(columns: columns, rows: rows)
        bindings = try Keymap.loadDefault()
        let station = StationSummary(officeName: "Comune di Piacenza · Sportello Facile", stationID: "sportello-3",
                                     counter: 3, idleLockMinutes: idleLockMinutes)
        state = CruscottoAppState(station: station, central: central, now: Self.start, size: terminal.size)
        render()
    }

    var text: String { terminal.text }

    func press(_ keys: Key...) async {
        for key in keys {
            let enabled = program.enabledActions(in: state)
            if let action = bindings.action(for: key, on: program.screenName(of: state)), enabled.contains(action) {
                await send(.action(action))
            } else if program.acceptsKey(key, in: state) {
                await send(.key(key))
            } else {
                bells += 1
            }
        }
    }

    func type(_ text: String) async {
        for character in text { await press(.character(character)) }
    }

    func tick() async { await send(.tick(clock.now())) }

    func send(_ msg: AppMsg<CruscottoMessage>) async {
        guard !quit else { return }
        let effects = program.update(&state, msg)
        for effect in effects {
            switch effect {
            case .run(let work): await send(.message(await work()))
            case .bell: bells += 1
            case .fullRedraw: terminal.requestFullRedraw()
            case .quit: quit = true
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

    /// Logs in as Mario Bianchi.
    func logIn(_ username: String = "mario.bianchi", _ password: String = "sportello-3") async {
        await type(username)
        await press(.enter)
        await type(password)
        await press(.enter)
    }
}
