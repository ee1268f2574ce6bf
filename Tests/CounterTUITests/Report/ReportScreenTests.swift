import CruscottoModel
import Foundation
import Testing
@testable import CounterTUI

/// The report screen on a virtual terminal, at 80×24 and 120×40, with fixed facts.
@Suite struct ReportScreenTests {
    static let clock = FixedClock(Date(timeIntervalSince1970: 1_796_031_720))
    static let day = LocalDay(year: 2026, month: 11, day: 26)

    static let configuration = QueueConfiguration(
        services: [
            Service(code: "ANA", name: "Anagrafe", prefix: "A", colour: .blue, hours: OpeningHours(), typicalServiceMinutes: 17),
            Service(code: "CIE", name: "Carta d'identità", prefix: "C", colour: .green, hours: OpeningHours(),
                    typicalServiceMinutes: 20),
            Service(code: "URP", name: "Accoglienza", prefix: "U", colour: .cyan, hours: OpeningHours(), typicalServiceMinutes: 3),
        ],
        profiles: [CounterProfile(code: "p", name: "P", serviceCodes: ["ANA", "CIE", "URP"])],
        counters: [Counter(number: 1, profileCode: "p"), Counter(number: 2, label: "CIE", profileCode: "p"),
                   Counter(number: 3, label: "Accoglienza", profileCode: "p")])

    static func report(estimates: Bool = true) -> QueueReport {
        let waits = [("ANA", false, 300, 4), ("ANA", false, 900, 6), ("ANA", true, 120, 2), ("ANA", false, 1800, 3),
                     ("CIE", true, 240, 5), ("URP", false, 60, 12), ("URP", false, 420, 3)]
        let facts = QueueReportFacts(
            from: day, to: day,
            waits: waits.map { ReportWaitCount(serviceCode: $0.0, isPriority: $0.1, seconds: $0.2, count: $0.3) },
            arrivals: [(8, 6), (9, 11), (10, 9), (11, 7), (12, 2)].map { ReportArrivalCount(day: day, hour: $0.0, count: $0.1) },
            endings: [
                ReportEndingCount(serviceCode: "ANA", state: .done, outcome: "servito", wasCalled: true, count: 13),
                ReportEndingCount(serviceCode: "ANA", state: .noShow, outcome: "non_presentato", wasCalled: true, count: 2),
                ReportEndingCount(serviceCode: "CIE", state: .done, outcome: "servito", wasCalled: true, count: 5),
                ReportEndingCount(serviceCode: "URP", state: .done, outcome: "informazione", wasCalled: true, count: 15),
            ],
            serviceTimes: [
                ReportServiceTime(serviceCode: "ANA", counter: 1, operatorID: "rossi.m", tickets: 13, seconds: 13 * 1020),
                ReportServiceTime(serviceCode: "CIE", counter: 2, operatorID: "bianchi.l", tickets: 5, seconds: 5 * 1200),
                ReportServiceTime(serviceCode: "URP", counter: 3, operatorID: "greco.p", tickets: 15, seconds: 15 * 180),
            ],
            estimates: estimates ? [ReportEstimateSum(serviceCode: "ANA", count: 10, errorSeconds: 1800,
                                                      absoluteErrorSeconds: 3000, withinFiveMinutes: 7)] : [],
            eventCounts: ["transfer": 2, "recall": 4],
            counterDays: [
                ReportCounterDay(day: day, counter: 1, operators: ["rossi.m"], staffedSeconds: 14400, idleSeconds: 600,
                                 pauseSeconds: ["pausa": 900], pauseCount: 1),
                ReportCounterDay(day: day, counter: 2, operators: ["bianchi.l"], staffedSeconds: 14400, idleSeconds: 7500,
                                 pauseSeconds: [:], pauseCount: 0),
                ReportCounterDay(day: day, counter: 3, operators: ["greco.p"], staffedSeconds: 14400, idleSeconds: 11700,
                                 pauseSeconds: [:], pauseCount: 0),
            ])
        return QueueReport(facts: facts, configuration: configuration)
    }

    func makeScreen(columns: Int = 80, rows: Int = 24, report: QueueReport? = ReportScreenTests.report())
        throws -> (VirtualTerminal, AppRuntime<ReportProgram>) {
        let terminal = VirtualTerminal(columns: columns, rows: rows)
        let runtime = AppRuntime(
            program: ReportProgram(load: { Self.report() }), state: ReportState(size: terminal.size, report: report),
            terminal: terminal, bindings: try Keymap.loadDefault(), clock: Self.clock, tickInterval: nil)
        runtime.render()
        return (terminal, runtime)
    }

    @Test func summaryAt80x24() throws {
        let (terminal, _) = try makeScreen()
        assertSnapshot(terminal.text, named: "report-summary-80x24")
        #expect(terminal.text.contains("Attesa (35 biglietti chiamati)"))
    }

    @Test func pagesAt80x24() throws {
        let (terminal, runtime) = try makeScreen()
        runtime.handle(TerminalEvent.key(.tab))
        assertSnapshot(terminal.text, named: "report-hours-80x24")
        #expect(terminal.text.contains("09:00–10:00"))
        runtime.handle(TerminalEvent.key(.tab))
        assertSnapshot(terminal.text, named: "report-services-80x24")
        runtime.handle(TerminalEvent.key(.tab))
        assertSnapshot(terminal.text, named: "report-counters-80x24")
        runtime.handle(TerminalEvent.key(.tab))
        #expect(terminal.text.contains("Attesa (35 biglietti chiamati)"))
    }

    @Test func hoursAt120x40UseTheWidthForBars() throws {
        let (terminal, runtime) = try makeScreen(columns: 120, rows: 40)
        runtime.handle(TerminalEvent.key(.tab))
        assertSnapshot(terminal.text, named: "report-hours-120x40")
        let peak = terminal.text.split(separator: "\n").first { $0.contains("09:00–10:00") }.map(String.init) ?? ""
        #expect(peak.filter { $0 == "█" }.count > 60)
    }

    @Test func withoutEstimatesTheScreenSaysSo() throws {
        let (terminal, _) = try makeScreen(report: Self.report(estimates: false))
        #expect(terminal.text.contains("nessun biglietto chiamato con una stima registrata"))
    }

    @Test func refreshLoadsAndExitLeaves() throws {
        let (terminal, runtime) = try makeScreen(report: nil)
        #expect(terminal.text.contains("Nessun rapporto caricato."))
        runtime.send(.message(.loaded(Self.report())))
        #expect(terminal.text.contains("Rapporto aggiornato"))
        runtime.handle(TerminalEvent.key(.function(3)))
        #expect(runtime.isFinished)
    }
}
