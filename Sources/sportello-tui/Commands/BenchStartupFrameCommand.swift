import ArgumentParser
import Foundation

/// `sportello-tui bench startup`: runs this same binary as `engine-demo --first-frame` and
/// measures from process launch to its exit after drawing the first frame (to an in-memory
/// terminal, printed to a pipe): an upper bound of start-to-first-frame without curses.
struct BenchStartupFrameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "startup",
        abstract: "Tempo dall'avvio del programma alla prima schermata (processo reale, terminale in memoria)."
    )

    @Option(help: "Avvii da misurare.") var runs = 20

    func run() throws {
        guard runs > 0 else { throw CommandFailure.usage("serve almeno un avvio") }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        let binary = FileManager.default.isExecutableFile(atPath: executable.path)
            ? executable
            : URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var histogram = BenchFrameReport.histogram()
        var environment = ProcessInfo.processInfo.environment
        environment["SPORTELLO_FIXED_CLOCK"] = "2026-11-30T09:42:00Z"
        for _ in 0..<runs {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["engine-demo", "--first-frame"]
            process.environment = environment
            let output = Pipe()
            process.standardOutput = output
            let start = BenchFrameReport.now()
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let elapsed = BenchFrameReport.now() - start
            guard process.terminationStatus == 0, String(decoding: data, as: UTF8.self).contains("Prova del motore") else {
                throw CommandFailure.rejected("il processo di prova non ha disegnato la schermata (uscita \(process.terminationStatus))")
            }
            _ = histogram.record(elapsed)
        }
        print("Avvio → prima schermata 80×24, \(runs) avvii di \(binary.lastPathComponent) engine-demo --first-frame")
        print("tempo:           \(BenchFrameReport.line(histogram))")
    }
}
