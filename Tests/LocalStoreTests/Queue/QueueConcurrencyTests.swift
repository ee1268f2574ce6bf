import Foundation
import Testing

/// Several processes calling at once on the embedded central file: the test runs the real
/// binary's `bench claims`, which issues the tickets in bulk, starts one caller process per
/// counter and checks the ticket and event tables afterwards. It asserts correctness only
/// (zero double calls, every ticket called), never timings; the command prints its per-phase
/// times, latencies and the longest wait of any caller, which the test passes on to the log.
@Suite struct QueueConcurrencyTests {
    /// 100,000 calls under `scripts/test` (release build, `CI` set) or when asked with
    /// `SPORTELLO_CLAIMS`; a smaller run in a plain debug `swift test`.
    static var calls: Int {
        let environment = ProcessInfo.processInfo.environment
        if let asked = environment["SPORTELLO_CLAIMS"].flatMap(Int.init), asked > 0 { return asked }
        #if DEBUG
        return environment["CI"] != nil ? 100_000 : 20_000
        #else
        return 100_000
        #endif
    }

    /// `SPORTELLO_BIN`, else the `sportello-tui` built next to this test bundle.
    static func binary() -> URL? {
        if let path = ProcessInfo.processInfo.environment["SPORTELLO_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("sportello-tui")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        let fromProcess = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for base in [fromProcess, fromProcess.deletingLastPathComponent(),
                     fromProcess.deletingLastPathComponent().deletingLastPathComponent()] {
            let candidate = base.appendingPathComponent("sportello-tui")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    struct Report: Decodable {
        var callers: Int
        var calls: Int
        var claimsMade: Int
        var ticketsCalled: Int
        var doubleClaims: Int
        var leftWaiting: Int
        var longestWaitMs: Double
        var phasesSeconds: [String: Double]
        var perCaller: [Caller]

        struct Caller: Decodable {
            var counter: Int
            var claims: Int
        }
    }

    @Test func eightProcessesNeverCallTheSameTicket() throws {
        let binary = try #require(Self.binary(), "sportello-tui non trovato: impostare SPORTELLO_BIN")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("claims-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let calls = Self.calls
        let process = Process()
        process.executableURL = binary
        process.arguments = ["bench", "claims", "--backend", "sqlite",
                             "--central", "sqlite://" + directory.appendingPathComponent("c.sqlite").path,
                             "--callers", "8", "--calls", String(calls), "--json"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(errorText)")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let report = try decoder.decode(Report.self, from: data)
        print("bench claims (\(calls) chiamate, 8 processi): \(String(decoding: data, as: UTF8.self))")
        #expect(report.doubleClaims == 0)
        #expect(report.claimsMade == calls)
        #expect(report.ticketsCalled == calls)
        #expect(report.leftWaiting == 0)
        #expect(report.perCaller.count == 8)
        #expect(report.perCaller.reduce(0) { $0 + $1.claims } == calls)
        #expect(Set(["prepare", "issue", "claims", "verify"]).isSubset(of: Set(report.phasesSeconds.keys)))
        #expect(report.longestWaitMs > 0)
    }
}
