import Foundation
import Testing

/// `sportello-tui cf …` as an operator or a script calls it: exit codes, text and JSON.
@Suite("Codice fiscale commands", .enabled(if: sportelloBinary != nil, "build sportello-tui first"))
struct CodiceFiscaleCommandTests {
    /// Fixes "today" so that century inference does not depend on when the tests run.
    let clock = ["SPORTELLO_FIXED_CLOCK": "2026-11-30T09:42:00Z"]

    func json(_ outcome: CommandOutcome) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    }

    func errorCodes(_ object: [String: Any]) -> [String] {
        (object["errors"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    }

    @Test func validCodeDecodesInTextAndJSON() throws {
        let text = try runSportello(["cf", "decode", "rssncl80a01 h501-d"], environment: clock)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("RSSNCL80A01H501D"))
        #expect(text.stdout.contains("01/01/1980"))
        #expect(text.stdout.contains("Roma (RM)"))

        let outcome = try runSportello(["cf", "check", "RSSNCL80A01H501D", "--json"], environment: clock)
        #expect(outcome.status == 0)
        let object = try json(outcome)
        #expect(object["valid"] as? Bool == true)
        #expect(object["normalized"] as? String == "RSSNCL80A01H501D")
        #expect(object["sex"] as? String == "M")
        #expect(object["birth_date"] as? String == "1980-01-01")
        let place = try #require(object["birth_place"] as? [String: Any])
        #expect(place["code"] as? String == "H501")
        #expect(place["name"] as? String == "Roma")
        #expect(place["province"] as? String == "RM")
        #expect(place["kind"] as? String == "comune")
        #expect(object["omocode"] as? Bool == false)
        #expect(object["base_code"] as? String == "RSSNCL80A01H501D")
    }

    @Test(arguments: [
        ("RSSNCL80A01H501X", "check_character", "atteso «D»"),
        ("RSSNCL80B30H501X", "impossible_date", "30 febbraio"),
        ("RSSNCL80A01H50", "wrong_length", "16 caratteri"),
    ])
    func invalidCodesExitOneWithTheirOwnMessage(code: String, errorCode: String, fragment: String) throws {
        let text = try runSportello(["cf", "check", code], environment: clock)
        #expect(text.status == 1)
        #expect(text.stderr.split(separator: "\n").count == 1, "one line on stderr: \(text.stderr)")
        #expect(text.stdout.contains(fragment))

        let outcome = try runSportello(["cf", "check", code, "--json"], environment: clock)
        #expect(outcome.status == 1)
        let object = try json(outcome)
        #expect(object["valid"] as? Bool == false)
        #expect(errorCodes(object).contains(errorCode), "\(object)")
    }

    @Test func encodeComputesTheCodeAndListsAmbiguousPlaces() throws {
        let encoded = try runSportello(["cf", "encode", "--cognome", "Rossi", "--nome", "Niccolò", "--sesso", "M",
                                        "--nascita", "1980-01-01", "--luogo", "Roma (RM)", "--json"], environment: clock)
        #expect(encoded.status == 0, "\(encoded.stderr)")
        #expect(try json(encoded)["code"] as? String == "RSSNCL80A01H501D")

        let ambiguous = try runSportello(["cf", "encode", "--cognome", "Rossi", "--nome", "Anna", "--sesso", "F",
                                          "--nascita", "1990-05-05", "--luogo", "Castro"], environment: clock)
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stdout.contains("Castro (BG)"))
        #expect(ambiguous.stdout.contains("Castro (LE)"))
    }

    @Test func omocodiciListsAllVariants() throws {
        let outcome = try runSportello(["cf", "omocodici", "RSSNCL80A01H501D", "--json"], environment: clock)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let text = outcome.stdout
        // Every variant is a 16-character code; the base and 127 omocodes.
        let codes = Set(text.matches(of: /"([A-Z0-9]{16})"/).map { String($0.1) })
        #expect(codes.count >= 128)
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try runSportello(["cf", "check"], environment: clock).status == 2)
        #expect(try runSportello(["cf", "encode", "--cognome", "Rossi"], environment: clock).status == 2)
    }
}
