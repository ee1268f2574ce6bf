import Foundation
import Testing
@testable import CruscottoModel

/// The search's fast paths give what the general code gives: ranking folds each name once
/// and matches words against its tokens, and stored phones and e-mails are read back
/// without the parser.
struct ContactSearchFastPathTests {
    static let names = ["Rossi", "D'Angelo", "De Luca Bianchi", "Dell'Orto", "Niccolò", "Maria Grazia",
                        "Lo Presti", "Ng", "ÆLFRIC", "Gian-Luca", "O'Neill Smith Jones"]
    static let words = ["r", "ro", "rossi", "rossini", "d", "da", "dangelo", "angelo", "de", "del", "deluca",
                        "delucab", "lucabianchi", "bianchi", "dellorto", "orto", "nicc", "niccolo", "mariag",
                        "grazia", "lopresti", "presti", "ng", "aelf", "gianluca", "luca", "oneill", "smithjones",
                        "jones", "x", "mariagrazia"]

    @Test(arguments: names)
    func wordsStartAKeyExactlyWhenNameKeysSaySo(surname: String) {
        let folded = ContactRanking.FoldedName(surname: surname, name: "Anna Maria")
        let keys = SearchText.nameKeys(surname) + SearchText.nameKeys("Anna Maria")
        for word in Self.words + ["anna", "annamaria", "maria", "am"] {
            #expect(folded.startsAKey(word) == keys.contains { $0.hasPrefix(word) }, "\(surname) / \(word)")
        }
        #expect(folded.surnameKey == SearchText.joinedKey(surname))
        #expect(folded.nameKey == SearchText.joinedKey("Anna Maria"))
    }

    @Test func rankEqualsSortingWithTheComparator() {
        var facts: [ContactSearchFacts] = []
        for (index, surname) in (Self.names + Self.names).enumerated() {
            facts.append(ContactSearchFacts(
                id: ContactID(String(format: "00000000-0000-7000-8000-%012d", index))!, surname: surname,
                name: index.isMultiple(of: 2) ? "Mario" : "Maria Rosa",
                lastVisitAt: index % 3 == 0 ? nil : Date(timeIntervalSince1970: Double(index % 4) * 86_400)))
        }
        for text in ["d", "de luca", "ma ro", "rossi", "rossi mario", "ng", "mari", "x"] {
            let query = ContactQuery(text)
            let reference = facts.compactMap { item in
                ContactRanking.tier(of: item, for: query).map { ContactRanking.Ranked(facts: item, tier: $0) }
            }.sorted(by: ContactRanking.areInIncreasingOrder)
            #expect(ContactRanking.rank(facts, for: query, limit: 50) == reference, "\(text)")
            #expect(ContactRanking.rank(facts, for: query, limit: 3) == Array(reference.prefix(3)), "\(text)")
        }
    }

    @Test(arguments: ["+393331234567", "+390523123456", "+41791234567", "+8801712345678"])
    func storedPhonesReadAsParsed(e164: String) throws {
        let parsed = try #require(PhoneNumber(e164))
        #expect(PhoneNumber(storedE164: e164) == parsed)
    }

    @Test(arguments: ["333 1234567", "0523123456", "+39 333 1234567", "nonsense", "+12"])
    func otherPhoneTextsGoThroughTheParser(text: String) {
        #expect(PhoneNumber(storedE164: text) == PhoneNumber(text))
    }

    @Test(arguments: ["mario.rossi@comune.example.it", "Mario.Rossi@example.com", "a+b@x.org", "o'neill@mail.ie"])
    func storedEmailsReadAsParsed(value: String) throws {
        let parsed = try #require(EmailAddress(value))
        #expect(EmailAddress(storedValue: parsed.value) == parsed)
    }

    @Test(arguments: ["Mario@Example.COM", "no-at-sign", "a@@b.it", "a@b", "@example.com", "àlfa@example.com", ""])
    func otherEmailTextsGoThroughTheParser(text: String) {
        #expect(EmailAddress(storedValue: text) == EmailAddress(text))
    }
}
