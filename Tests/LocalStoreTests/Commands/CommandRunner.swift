import Foundation

/// The binary under test: `SPORTELLO_BIN` (set by scripts/test to the binary of the test
/// build), else the debug build of this package. Under CI a missing binary is an error, not
/// a skip, so a broken build can never pass as "skipped".
let sportelloBinary: String? = {
    if let path = ProcessInfo.processInfo.environment["SPORTELLO_BIN"], FileManager.default.isExecutableFile(atPath: path) {
        return path
    }
    var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while root.path != "/" && !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
        root = root.deletingLastPathComponent()
    }
    let path = root.appendingPathComponent(".build/debug/sportello-tui").path
    if FileManager.default.isExecutableFile(atPath: path) { return path }
    if ProcessInfo.processInfo.environment["CI"] != nil {
        fatalError("sportello-tui non trovato: SPORTELLO_BIN non impostato o non eseguibile")
    }
    return nil
}()

/// What a command run printed and how it ended.
struct CommandOutcome {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs the binary with `arguments`, feeding `stdin`, without the caller's SPORTELLO_HOME.
func runSportello(_ arguments: [String], stdin: String = "", environment extra: [String: String] = [:]) throws -> CommandOutcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: sportelloBinary!)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: "SPORTELLO_HOME")
    environment.merge(extra) { _, new in new }
    process.environment = environment
    let input = Pipe(), output = Pipe(), error = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = error
    try process.run()
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try input.fileHandleForWriting.close()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandOutcome(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                          stderr: String(decoding: err, as: UTF8.self))
}
