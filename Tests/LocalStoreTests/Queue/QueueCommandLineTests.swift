import Foundation
import Testing

/// The queue commands through the real binary: JSON shapes, exit codes, one-line Italian
/// refusals on stderr.
@Suite struct QueueCommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String

        var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(output.utf8))) as? [String: Any]
        }
    }

    /// Monday 30 November 2026, 10:42 in Rome: the default services are open.
    static let openInstant = "2026-11-30T09:42:00Z"

    func run(_ arguments: [String], home: String, clock: String = openInstant) throws -> Run {
        let binary = try #require(QueueConcurrencyTests.binary(), "sportello-tui non trovato: impostare SPORTELLO_BIN")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments + ["--home", home]
        var environment = ProcessInfo.processInfo.environment
        environment["SPORTELLO_FIXED_CLOCK"] = clock
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                   errors: String(decoding: err, as: UTF8.self))
    }

    func temporaryHome() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("queue-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func issueCallCloseOnTheDefaultOffice() throws {
        let home = try temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }

        let empty = try run(["queue", "call", "--counter", "1", "--json"], home: home)
        #expect(empty.status == 1)
        #expect(empty.output.trimmingCharacters(in: .whitespacesAndNewlines) == #"{"ticket":null}"#)
        #expect(empty.errors.contains("nessun biglietto in attesa per lo sportello 1"))

        let issued = try run(["queue", "issue", "--service", "ANA", "--json"], home: home)
        #expect(issued.status == 0, "\(issued.errors)")
        let ticket = try #require(issued.json?["ticket"] as? [String: Any])
        #expect(ticket["number"] as? String == "A001")
        #expect(ticket["seq"] as? Int == 1)
        #expect(ticket["service"] as? String == "ANA")
        #expect(ticket["state"] as? String == "waiting")
        #expect(ticket.keys.contains("token") && ticket.keys.contains("counter"))

        let called = try run(["queue", "call", "--counter", "1", "--json"], home: home)
        #expect(called.status == 0, "\(called.errors)")
        let claim = try #require(called.json?["ticket"] as? [String: Any])
        #expect(claim["number"] as? String == "A001")
        #expect(claim["counter"] as? Int == 1)
        let token = try #require(claim["token"] as? Int)

        let stale = try run(["queue", "close", "A001", "--token", String(token - 1), "--outcome", "servito"], home: home)
        #expect(stale.status == 1)
        #expect(stale.errors.contains("non è più assegnato a questo sportello"))
        #expect(stale.errors.split(separator: "\n").count == 1)

        let missing = try run(["queue", "close", "A009", "--token", String(token), "--outcome", "servito"], home: home)
        #expect(missing.status == 1)
        #expect(missing.errors.contains("Il biglietto A009 non esiste oggi (30/11/2026)"))

        let closed = try run(["queue", "close", "a1", "--token", String(token), "--outcome", "servito", "--json"],
                             home: home)
        #expect(closed.status == 0, "\(closed.errors)")
        #expect((closed.json?["ticket"] as? [String: Any])?["state"] as? String == "done")

        let status = try run(["queue", "status", "--json"], home: home)
        #expect(status.status == 0)
        #expect((status.json?["services"] as? [[String: Any]])?.count == 6)
    }

    @Test func closedAndUnknownServicesAndCounterErrors() throws {
        let home = try temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        // Monday 13:30 in Rome: Anagrafe is closed.
        let closed = try run(["queue", "issue", "--service", "ANA"], home: home, clock: "2026-11-30T12:30:00Z")
        #expect(closed.status == 1)
        #expect(closed.errors.contains("Il servizio Anagrafe è chiuso: apre lunedì–venerdì 8:30–12:30, "))
        let unknown = try run(["queue", "issue", "--service", "XYZ"], home: home)
        #expect(unknown.status == 1)
        #expect(unknown.errors.contains("Servizio sconosciuto: XYZ"))
        let counter = try run(["queue", "call", "--counter", "9"], home: home)
        #expect(counter.status == 1)
        #expect(counter.errors.contains("Sportello 9 inesistente"))
        let badURL = try run(["queue", "status", "--central", "postgresql://x/y"], home: home)
        #expect(badURL.status == 2)
    }

    @Test func servicesExportEditImport() throws {
        let home = try temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let file = home + "/servizi.toml"
        let exported = try run(["services", "export", file], home: home)
        #expect(exported.status == 0, "\(exported.errors)")
        var text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("Anagrafe"))
        // A counter without profile: importing is fine, calling from it is refused.
        text = text.replacingOccurrences(of: "profile = \"accoglienza\"", with: "")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try run(["services", "import", file], home: home)
        #expect(imported.status == 0, "\(imported.errors)")
        let call = try run(["queue", "call", "--counter", "4"], home: home)
        #expect(call.status == 1)
        #expect(call.errors.contains("Lo sportello 4 non ha un profilo: non può chiamare biglietti"))

        try "services = 3".write(toFile: file, atomically: true, encoding: .utf8)
        let refused = try run(["services", "import", file], home: home)
        #expect(refused.status == 1)
        #expect(refused.errors.hasPrefix("sportello-tui: "))
    }
}
