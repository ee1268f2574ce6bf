import ArgumentParser

/// `sportello-tui bench …`: benchmarks that print numbers (never timed assertions in tests).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Misure di prestazione (stampano numeri).",
        subcommands: [
            BenchClaimsCommand.self,
            BenchCallVisibilityCommand.self,
            BenchClaimWorkerCommand.self,
            CFBenchCommand.self,
            BenchContactsCommand.self,
            BenchFrameCommand.self,
            BenchKeypressFrameCommand.self,
            BenchStartupFrameCommand.self,
            BenchQueueReportCommand.self,
            BenchQueueDayCommand.self,
            BenchDisplaySoakCommand.self,
            BenchDisplayLatencyCommand.self,
            BenchDisplayLatencyWriterCommand.self,
            BenchSyncCommand.self,
            BenchOfflineSyncCommand.self,
        ]
    )
}
