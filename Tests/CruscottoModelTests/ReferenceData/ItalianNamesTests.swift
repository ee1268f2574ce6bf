import Testing
@testable import CruscottoModel

@Suite struct ItalianNamesTests {
    @Test func listsHaveTheSizesOfTheSource() {
        let names = ItalianNames.shared
        #expect(names.maleFirstNames.count == 273)
        #expect(names.femaleFirstNames.count == 185)
        #expect(names.surnames.count == 1_164)
        #expect(names.streetTypes.count == 11)
        #expect(names.streetTypes.contains("Via"))
    }

    @Test func rejectsJSONWithoutTheLists() {
        #expect(ItalianNames(json: "{}") == nil)
        #expect(ItalianNames(json: "not json") == nil)
    }

    @Test func catalogTextIsEmbedded() {
        #expect(ProcedureCatalogData.text.contains("\"procedures\""))
        #expect(ProcedureCatalogData.sha256.count == 64)
    }
}
