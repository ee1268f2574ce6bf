import Foundation
import Testing

/// `queue day open|close` through the real binary: the closing closes the waiting tickets and
/// counts them, lists the ones still at a counter, and after it nobody is issued a ticket.
@Suite struct QueueDayCommandTests {
    let cli = QueueCommandLineTests()

    @Test func openIssueCloseCountsTheWaitingTickets() throws {
        let home = try cli.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }

        let closedBefore = try cli.run(["queue", "day", "close"], home: home)
        #expect(closedBefore.status == 1)
        #expect(closedBefore.errors.contains("L'ufficio non è aperto"))

        let opened = try cli.run(["queue", "day", "open"], home: home)
        #expect(opened.status == 0, "\(opened.errors)")
        #expect(opened.output.contains("Ufficio aperto: giornata 2026-11-30."))
        #expect(try cli.run(["queue", "day", "open"], home: home).status == 1)

        for service in ["ANA", "ANA", "CIE"] {
            #expect(try cli.run(["queue", "issue", "--service", service], home: home).status == 0)
        }
        #expect(try cli.run(["queue", "call", "--counter", "1"], home: home).status == 0)

        let closed = try cli.run(["queue", "day", "close", "--operator", "resp"], home: home)
        #expect(closed.status == 0, "\(closed.errors)")
        #expect(closed.output == """
            Giornata 2026-11-30 chiusa: 2 biglietti chiusi a fine giornata.
              Anagrafe: 1
              Carta d'identità elettronica: 1
            Ancora agli sportelli: A001

            """)

        let status = try cli.run(["queue", "status", "--json"], home: home)
        let json = try #require(status.json)
        #expect(json["office_open"] as? Bool == false)
        let refused = try cli.run(["queue", "issue", "--service", "ANA"], home: home)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("già chiusa"))
    }

    @Test func closeAsJSON() throws {
        let home = try cli.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        #expect(try cli.run(["queue", "day", "open"], home: home).status == 0)
        #expect(try cli.run(["queue", "issue", "--service", "URP"], home: home).status == 0)
        let closed = try cli.run(["queue", "day", "close", "--json"], home: home)
        #expect(closed.status == 0, "\(closed.errors)")
        let json = try #require(closed.json)
        #expect(json["closed_by_service"] as? [String: Int] == ["URP": 1])
        #expect(json["still_at_counters"] as? [String] == [])
        #expect(json["day"] as? String == "2026-11-30")
    }
}
