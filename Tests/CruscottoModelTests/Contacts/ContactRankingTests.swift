import Foundation
import Testing
@testable import CruscottoModel

@Suite struct ContactRankingTests {
    static func id(_ n: Int) -> ContactID {
        ContactID(String(format: "00000000-0000-0000-0000-%012d", n))!
    }
    static func day(_ d: Int) -> Date { Date(timeIntervalSince1970: Double(d) * 86_400) }

    let rossiMario = ContactSearchFacts(
        id: id(1), surname: "Rossi", name: "Mario", fiscalCode: "RSSMRA80C12G535T",
        phones: [PhoneNumber("3331234567")!], lastVisitAt: day(10))
    let rossiniMaria = ContactSearchFacts(id: id(2), surname: "Rossini", name: "Maria", lastVisitAt: day(20))
    let bianchiRossella = ContactSearchFacts(id: id(3), surname: "Bianchi", name: "Rossella", lastVisitAt: day(30))
    let rossiAnna = ContactSearchFacts(id: id(4), surname: "Rossi", name: "Anna")
    let rossiAnnaTwin = ContactSearchFacts(id: id(5), surname: "Rossi", name: "Anna")
    let dangelo = ContactSearchFacts(id: id(6), surname: "D'Angelo", name: "Niccolò",
                                     emails: [EmailAddress("n.dangelo@libero.it")!])
    let deLuca = ContactSearchFacts(id: id(7), surname: "De Luca", name: "Mario", lastVisitAt: day(1))

    var all: [ContactSearchFacts] { [bianchiRossella, rossiAnnaTwin, rossiniMaria, rossiAnna, dangelo, rossiMario, deLuca] }

    func ranked(_ text: String) -> [ContactID] {
        ContactRanking.rank(all, for: ContactQuery(text)).map(\.facts.id)
    }

    @Test func exactSurnameBeforePrefixThenRecentVisitThenName() {
        // Exact surname "Rossi": Mario (visited) before the two Annas (never), Annas by id;
        // then the prefix match Rossini. "Rossella" does not start with "rossi".
        #expect(ranked("rossi") == [Self.id(1), Self.id(4), Self.id(5), Self.id(2)])
        // With a shorter prefix all are prefix matches: most recent visit first.
        #expect(ranked("ross") == [Self.id(3), Self.id(2), Self.id(1), Self.id(4), Self.id(5)])
    }

    @Test func exactIdentifierComesFirst() {
        #expect(ranked("RSSMRA80C12G535T") == [Self.id(1)])
        #expect(ranked("333 1234567") == [Self.id(1)])
        #expect(ranked("n.dangelo@libero.it") == [Self.id(6)])
    }

    @Test func nameTokensInAnyOrder() {
        #expect(ranked("mario rossi") == [Self.id(1)])
        #expect(ranked("mar ross") == [Self.id(2), Self.id(1)])
    }

    @Test(arguments: ["dangelo", "d'angelo", "D’Angelo", "d angelo", "niccolo dang", "NICCOLÒ"])
    func apostropheSurnames(text: String) {
        #expect(ranked(text) == [Self.id(6)])
    }

    @Test(arguments: ["deluca", "de luca", "luca mario"])
    func spacedSurnames(text: String) {
        #expect(ranked(text) == [Self.id(7)])
    }

    @Test func tiers() {
        let query = ContactQuery("de luca")
        #expect(ContactRanking.tier(of: deLuca, for: query) == .exactSurname)
        #expect(ContactRanking.tier(of: deLuca, for: ContactQuery("del")) == .prefix)
        #expect(ContactRanking.tier(of: rossiAnna, for: query) == nil)
        #expect(ContactRanking.tier(of: rossiMario, for: ContactQuery("4567")) == .prefix)
        #expect(ContactRanking.tier(of: rossiMario, for: ContactQuery("RSSMRA80")) == .prefix)
    }

    @Test func comparatorOrdersTiersBeforeVisits() {
        let old = ContactRanking.Ranked(facts: rossiAnna, tier: .exactIdentifier)
        let recent = ContactRanking.Ranked(facts: bianchiRossella, tier: .exactSurname)
        #expect(ContactRanking.areInIncreasingOrder(old, recent))
        #expect(!ContactRanking.areInIncreasingOrder(recent, old))
    }

    @Test func duplicatesByIdAndLimit() {
        let result = ContactRanking.rank(all + all, for: ContactQuery("rossi"), limit: 2)
        #expect(result.map(\.facts.id) == [Self.id(1), Self.id(4)])
    }

    @Test func orderDoesNotDependOnInput() {
        let query = ContactQuery("ross")
        let forward = ContactRanking.rank(all, for: query).map(\.facts.id)
        let backward = ContactRanking.rank(all.reversed(), for: query).map(\.facts.id)
        #expect(forward == backward)
    }
}
