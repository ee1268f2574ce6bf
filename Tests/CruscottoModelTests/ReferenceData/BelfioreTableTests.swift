import Testing
@testable import CruscottoModel

@Suite struct BelfioreTableTests {
    let table = BelfioreTable.shared

    @Test func parsesEveryRowOfTheEmbeddedFile() {
        // 19,595 rows, of which 28 historical comuni have no code ("ND").
        #expect(table.entries.count == 19_567)
        #expect(table.rowsWithoutCode == 28)
        #expect(table.malformedLines == 0)
        #expect(!BelfioreData.text.contains("\""))
    }

    @Test func rowsOfACodeComeOldestFirst() {
        let rows = table.entries(forCode: "D704")
        #expect(rows.map(\.province) == ["FO", "FO", "FC"])
        #expect(rows.first?.name == "Forlì")
        #expect(rows.last?.validTo == nil)
    }

    @Test(arguments: [
        ("A001", "1920-05-01", "Abano", "PD"),
        ("A001", "1930-05-01", "Abano Terme", "PD"),
        ("D704", "1980-01-01", "Forlì", "FO"),
        ("D704", "2000-01-01", "Forlì", "FC"),
        ("A012", "2016-12-31", "Abetone", "PT"),
        ("Z105", "1980-01-01", "Cecoslovacchia", "EE"),
    ])
    func codeValidOnDate(code: String, date: String, name: String, province: String) throws {
        let day = try #require(CivilDate(iso: date))
        let entry = try #require(table.entry(forCode: code, on: day))
        #expect(entry.name == name)
        #expect(entry.province == province)
    }

    @Test(arguments: [
        ("A012", "2017-01-01"),
        ("M376", "2016-12-31"),
        ("Z105", "1995-01-01"),
        ("A007", "1930-01-01"),
    ])
    func codeNotValidOnDate(code: String, date: String) throws {
        #expect(table.contains(code: code))
        #expect(table.entry(forCode: code, on: try #require(CivilDate(iso: date))) == nil)
    }

    @Test func unknownCodes() {
        #expect(!table.contains(code: "Z999"))
        #expect(table.entries(forCode: "H50").isEmpty)
        #expect(table.entries(forCode: "ZZZZ").isEmpty)
    }

    @Test(arguments: ["forli", "FORLÌ", "Forli'", "  forlì  "])
    func nameLookupIgnoresAccentsAndCase(name: String) {
        #expect(Set(table.candidates(name: name).map(\.code)) == ["D704"])
    }

    @Test func nameLookupWithProvinceAndDate() throws {
        let date = try #require(CivilDate(iso: "1990-06-01"))
        #expect(Set(table.candidates(name: "Castro", on: date).map(\.code)) == ["C337", "M261"])
        #expect(table.candidates(name: "Castro", province: "LE", on: date).map(\.code) == ["M261"])
        #expect(table.candidates(name: "sant'antonio", province: "ct").isEmpty)
        #expect(!table.candidates(name: "Aci Sant Antonio", province: "ct").isEmpty)
    }

    @Test(arguments: [
        ("Roma", nil, "1980-01-01", "H501"),
        ("Forlì", "FC", "1980-01-01", "D704"),     // provincia of today, code of then
        ("Abano Terme", nil, "1920-01-01", "A001"), // current name before the renaming
        ("Abetone", nil, "1980-01-01", "A012"),     // merged in 2017: old code still right
        ("Castro", "LE", "1990-01-01", "M261"),
        ("Stati Uniti d'America", nil, "1970-01-01", "Z404"),
    ] as [(String, String?, String, String)])
    func resolvesToTheCodeOfTheBirthDate(name: String, province: String?, date: String, code: String) throws {
        let result = table.resolve(name: name, province: province, on: try #require(CivilDate(iso: date)))
        guard case .found(let entry) = result else {
            Issue.record("expected a code, got \(result)")
            return
        }
        #expect(entry.code == code)
    }

    @Test func ambiguousNamesListCandidates() throws {
        let result = table.resolve(name: "Castro", on: try #require(CivilDate(iso: "1990-01-01")))
        guard case .ambiguous(let rows) = result else {
            Issue.record("expected ambiguity, got \(result)")
            return
        }
        #expect(Set(rows.map(\.code)) == ["C337", "M261"])
    }

    @Test func placeThatDidNotExistYet() throws {
        let result = table.resolve(name: "Abetone Cutigliano", on: try #require(CivilDate(iso: "1980-01-01")))
        guard case .notValidOnDate(let rows) = result else {
            Issue.record("expected not valid on date, got \(result)")
            return
        }
        #expect(rows.map(\.code) == ["M376"])
    }

    @Test func unknownNameOrWrongProvince() throws {
        let date = try #require(CivilDate(iso: "1990-01-01"))
        #expect(table.resolve(name: "Atlantide", on: date) == .notFound(elsewhere: []))
        guard case .notFound(let elsewhere) = table.resolve(name: "Roma", province: "MI", on: date) else {
            Issue.record("expected not found")
            return
        }
        #expect(elsewhere.contains { $0.code == "H501" })
    }

    @Test func parsesASmallTableAndCountsBadLines() {
        let csv = """
        codice,denominazione,provincia,valido_dal,valido_al,tipo
        A001,Uno,AA,2000-01-01,,comune
        bad line
        A002,Due,AA,2000-13-01,,comune
        Z100,Tre,EE,1900-01-01,2000-01-01,stato

        """
        let small = BelfioreTable(csv: csv)
        #expect(small.entries.map(\.code) == ["A001", "Z100"])
        #expect(small.malformedLines == 2)
        #expect(small.entries.last?.kind == .stato)
    }
}
