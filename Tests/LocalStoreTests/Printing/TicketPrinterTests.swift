import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

@Suite("Ticket printer")
struct TicketPrinterTests {
    static let printout = TicketPrintout(
        office: "Comune di Piacenza", number: "A042", serviceName: "Anagrafe",
        issuedAt: try! Date("2026-11-30T09:42:00Z", strategy: .iso8601), peopleAhead: 7, estimatedMinutes: 12)

    static func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("printer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func printoutCarriesOfficeNumberServiceDateTimeAndPeopleAhead() {
        let text = Self.printout.text
        #expect(text.contains("COMUNE DI PIACENZA"))
        #expect(text.contains("Biglietto A042"))
        #expect(text.contains("Anagrafe"))
        #expect(text.contains("Data: 30/11/2026   Ora: 10:42"))
        #expect(text.contains("Persone prima di voi: 7"))
        #expect(text.contains("Attesa stimata: circa 12 minuti"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= TicketPrintout.width })
    }

    @Test func commandReceivesTheTextOnItsInput() async throws {
        let dir = try Self.tempDir()
        let out = dir.appendingPathComponent("ticket.txt").path
        try await TicketPrinter(target: .command("cat > '\(out)'")).print(Self.printout.text)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == Self.printout.text)
    }

    @Test func deviceIsWrittenTo() async throws {
        let dir = try Self.tempDir()
        let path = dir.appendingPathComponent("lp0").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        try await TicketPrinter(target: .device(path: path)).print("prova\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "prova\n")
    }

    @Test func failuresComeBackInItalian() async throws {
        let failing = await #expect(throws: TicketPrintFailure.self) {
            try await TicketPrinter(target: .command("exit 3")).print("x")
        }
        #expect(failing?.message == "comando di stampa terminato con errore 3")
        let missing = await #expect(throws: TicketPrintFailure.self) {
            try await TicketPrinter(target: .device(path: "/nonexistent-dir/lp0")).print("x")
        }
        #expect(missing?.message.hasPrefix("stampante /nonexistent-dir/lp0 non disponibile") == true)
        let slow = await #expect(throws: TicketPrintFailure.self) {
            try await TicketPrinter(target: .command("sleep 5"), timeout: 0.2).print("x")
        }
        #expect(slow?.message == "la stampante non ha risposto entro 1 s")
    }

    @Test func configurationAcceptsAndChecksThePrinter() throws {
        let base = """
        office = "Comune di Prova"
        station = "totem"
        kind = "totem"
        """
        let command = try StationConfig.parse(base + "\nprinter = \"command:lp -d totem\"", path: "/h/sportello.toml")
        #expect(command.printer == .command("lp -d totem"))
        #expect(try StationConfig.parse(command.tomlText, path: "/h/sportello.toml") == command)
        let device = try StationConfig.parse(base + "\nprinter = \"device:/dev/usb/lp0\"", path: "/h/sportello.toml")
        #expect(device.printer == .device(path: "/dev/usb/lp0"))
        #expect(try StationConfig.parse(base, path: "/h/sportello.toml").printer == nil)
        let error = try #require(throws: ConfigError.self) {
            try StationConfig.parse(base + "\nprinter = \"lp0\"", path: "f.toml")
        }
        #expect(error.issues.map(\.line) == [4])
        #expect(error.issues[0].message.contains("'printer' non valido"))
    }
}
