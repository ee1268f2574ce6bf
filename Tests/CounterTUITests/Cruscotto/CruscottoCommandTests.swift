import Foundation
import Testing

/// The built binary (`SPORTELLO_BIN`, else the debug build of this package).
private let binary: String? = {
    if let path = ProcessInfo.processInfo.environment["SPORTELLO_BIN"], FileManager.default.isExecutableFile(atPath: path) {
        return path
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let path = root.appendingPathComponent(".build/debug/sportello-tui").path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}()

/// Bad homes and configurations for the cruscotto and demo commands: one Italian line, exit 2,
/// and nothing changed on disk.
@Suite(.enabled(if: binary != nil, "build sportello-tui first"))
struct CruscottoCommandTests {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary!)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                       stderr: String(decoding: err, as: UTF8.self))
    }

    func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cruscotto-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Every file under `path` with its bytes.
    func snapshot(_ path: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for item in FileManager.default.enumerator(atPath: path)?.compactMap({ $0 as? String }) ?? [] {
            var isDirectory: ObjCBool = false
            let full = path + "/" + item
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[item] = try Data(contentsOf: URL(fileURLWithPath: full))
            }
        }
        return files
    }

    @Test func homeWithoutStation() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let outcome = try run(["--home", home])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("sportello-tui: nessuna stazione in "))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: home).isEmpty)
    }

    @Test func configurationWithErrorsChangesNothing() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let home = root + "/station"
        #expect(try run(["init", "--home", home, "--counter", "2"]).status == 0)
        let config = home + "/sportello.toml"
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try (text + "colore = \"blu\"\n").write(toFile: config, atomically: true, encoding: .utf8)
        let before = try snapshot(home)
        let outcome = try run(["--home", home])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("configurazione non valida"))
        #expect(try snapshot(home) == before)
    }

    @Test func demoRefusesAFolderThatIsNotADemo() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try Data("appunti".utf8).write(to: URL(fileURLWithPath: home + "/note.txt"))
        for arguments in [["demo", "--home", home], ["demo", "--home", home, "--reset"]] {
            let outcome = try run(arguments)
            #expect(outcome.status == 2)
            #expect(outcome.stderr.contains("non è una stazione demo"))
        }
        #expect(try snapshot(home) == ["note.txt": Data("appunti".utf8)])
    }

    @Test func demoInAnUnwritablePlace() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data().write(to: URL(fileURLWithPath: root + "/file"))
        let outcome = try run(["demo", "--home", root + "/file/demo"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("sportello-tui: "))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["file"])
    }
}
