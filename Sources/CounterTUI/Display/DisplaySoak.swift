import CruscottoModel
import Foundation

/// Runs the display for many calls on an injected clock, the way the loop would (ticks every
/// 200 ms, a look at the queue when due, a frame after every message), and measures resident
/// memory at the start and at the end. Used by the CI soak test and by
/// `sportello-tui bench display-soak`.
public enum DisplaySoak {
    public struct Report: Sendable {
        public var calls: Int
        public var ticks: Int
        public var bells: Int
        public var frames: Int
        public var cellsWritten: Int
        public var residentStart: Int?
        public var residentEnd: Int?
        /// The newest call shown at the end, as the board's top row reads it.
        public var lastCalledShown: String?
        public var lastCalled: String
        public var heldCalls: Int
        public var heldSamples: Int
        public var simulatedSeconds: TimeInterval
    }

    /// The office of the soak: four services open all day, six counters.
    public static let configuration: QueueConfiguration = {
        let always = OpeningHours(Weekday.allCases, [OpeningInterval(parsing: "00:00-24:00")!])
        let services = [
            Service(code: "ANA", name: "Anagrafe", prefix: "A", hours: always, typicalServiceMinutes: 8),
            Service(code: "STC", name: "Stato civile", prefix: "S", hours: always, typicalServiceMinutes: 12),
            Service(code: "CIE", name: "Carta d'identità elettronica", prefix: "C", hours: always, typicalServiceMinutes: 20),
            Service(code: "TRI", name: "Tributi", prefix: "T", hours: always, typicalServiceMinutes: 12),
        ]
        let profile = CounterProfile(code: "poli", name: "Polifunzionale", serviceCodes: services.map(\.code))
        return QueueConfiguration(services: services, profiles: [profile],
                                  counters: (1...6).map { Counter(number: $0, profileCode: "poli") })
    }()

    /// `calls` calls, one every `secondsPerCall` simulated seconds, with a tick every 200 ms in
    /// between (`ticksPerCall` of them; fewer than the real rate keeps CI short, the bench
    /// runs the full rate). Memory is read after `warmUp` calls and at the end.
    public static func run(calls: Int, secondsPerCall: TimeInterval = 10, ticksPerCall: Int? = nil,
                           warmUp: Int = 200, size: TerminalSize = TerminalSize(columns: 80, rows: 24),
                           start: Date = Date(timeIntervalSince1970: 1_796_025_600)) async -> Report {
        let clock = SoakClock(start)
        let backend = SimulatedCallBackend(configuration: configuration, clock: clock)
        let source = LiveQueueSource(backend: backend, clock: clock)
        let program = DisplayProgram(officeName: "Comune di Prova", source: source,
                                     authenticator: RefusingAuthenticator(), clock: clock)
        let terminal = VirtualTerminal(columns: size.columns, rows: size.rows)
        var state = DisplayState()
        let ticks = ticksPerCall ?? max(1, Int(secondsPerCall / 0.2))
        let tickStep = secondsPerCall / Double(ticks)
        var report = Report(calls: calls, ticks: 0, bells: 0, frames: 0, cellsWritten: 0, residentStart: nil,
                            residentEnd: nil, lastCalledShown: nil, lastCalled: "", heldCalls: 0, heldSamples: 0,
                            simulatedSeconds: Double(calls) * secondsPerCall)

        func deliver(_ msg: AppMsg<DisplayMessage>) async {
            var queue = [msg]
            while !queue.isEmpty {
                let next = queue.removeFirst()
                for effect in program.update(&state, next) {
                    switch effect {
                    case .run(let work): queue.append(.message(await work()))
                    case .bell: report.bells += 1
                    case .fullRedraw, .quit: break
                    }
                }
                let frame = program.view(state, context: ViewContext(size: terminal.size, now: clock.now(), help: [], enabledHelp: []))
                terminal.draw(frame.buffer)
                report.frames += 1
                report.cellsWritten += terminal.cellsWrittenLastFrame
            }
        }

        await deliver(.tick(clock.now()))
        for call in 0..<calls {
            if call == warmUp { report.residentStart = ResidentMemory.bytes() }
            report.lastCalled = await backend.simulateCall(serviceIndex: call, counter: call % 6 + 1,
                                                           serviceSeconds: 240 + Double(call % 7) * 30)
            for _ in 0..<ticks {
                clock.advance(seconds: tickStep)
                await deliver(.tick(clock.now()))
                report.ticks += 1
            }
        }
        report.residentEnd = ResidentMemory.bytes()
        report.lastCalledShown = state.live.calls.first?.number
        report.heldCalls = state.live.calls.count
        report.heldSamples = state.live.samples.count
        return report
    }
}
