import Foundation
import Logging
import Testing
@testable import CounterTUI

@Suite struct RotatingLogFileTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func rotatesBySizeAndKeepsOnlyTheNewestFiles() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try RotatingLogFile(url: directory.appendingPathComponent("logs/sportello.log"), maxBytes: 100, keep: 2)
        for index in 0..<12 { file.append("riga \(index) " + String(repeating: "x", count: 30)) }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("logs").path).sorted()
        #expect(names == ["sportello.log", "sportello.log.1", "sportello.log.2"])
        let current = try String(contentsOf: file.url, encoding: .utf8)
        #expect(current.hasSuffix("riga 11 " + String(repeating: "x", count: 30) + "\n"))
        #expect(try Data(contentsOf: file.url).count <= 100)
        let oldest = try String(contentsOf: file.rotated(2), encoding: .utf8)
        #expect(oldest.contains("riga 6 "))
    }

    @Test func handlerWritesLevelLabelMessageAndMetadata() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try RotatingLogFile(url: directory.appendingPathComponent("sportello.log"))
        var logger = Logger(label: "prova") { label in FileLogHandler(label: label, file: file) }
        logger[metadataKey: "sportello"] = "3"
        logger.info("chiamato A042", metadata: ["servizio": "anagrafe"])
        logger.debug("non scritto")
        let text = try String(contentsOf: file.url, encoding: .utf8)
        #expect(text.contains("info [prova] chiamato A042 servizio=anagrafe sportello=3\n"))
        #expect(!text.contains("non scritto"))
    }
}
