import Testing
@testable import CruscottoModel

@Suite struct ProcedureCatalogTests {
    @Test func embeddedCatalogDecodes() throws {
        let catalog = try ProcedureCatalog(json: ProcedureCatalogData.text)
        #expect(catalog.areas.count == 13)
        #expect(catalog.procedures.count == 99)
        #expect(ProcedureCatalog.shared == catalog)
        #expect(Set(catalog.procedures.map(\.code)).count == 99)
    }

    @Test func certificateOfResidenceHasBolloAndDirittiInCents() throws {
        let procedure = try #require(ProcedureCatalog.shared.procedure(code: "ANA-CERT-RES"))
        #expect(procedure.level == .front)
        #expect(procedure.fees.bolloCents == 1_600)
        #expect(procedure.fees.dirittiCents == 52)
        #expect(procedure.backOffice == nil)
        #expect(procedure.formFields.first { $0.name == "uso_bollo" }?.options == ["in bollo", "esente da bollo"])
    }

    @Test func everyAreaHasProcedures() {
        let catalog = ProcedureCatalog.shared
        for area in catalog.areas {
            #expect(!catalog.procedures(inArea: area.code).isEmpty, "\(area.code)")
        }
    }

    @Test(arguments: [
        (#"{"source":"x","areas":[],"procedures":[{"code":"P","name":"n","area":"ZZZ","level":"front","appointment":false,"minutes":1,"output":"o","fees":{"bollo_eur":0,"diritti_eur":0,"other_eur":0,"notes":""},"required_documents":[],"form_fields":[],"back_office":null,"deadline_days":null,"notify_on":[],"legal_refs":[],"notes":""}]}"#, "area"),
        (#"{"source":"x","areas":[{"code":"A","name":"a"}],"procedures":[{"code":"P","name":"n","area":"A","level":"middle","appointment":false,"minutes":1,"output":"o","fees":{"bollo_eur":0,"diritti_eur":0,"other_eur":0,"notes":""},"required_documents":[],"form_fields":[],"back_office":null,"deadline_days":null,"notify_on":[],"legal_refs":[],"notes":""}]}"#, "level"),
        (#"{"source":"x","areas":[{"code":"A","name":"a"}],"procedures":[{"code":"P","name":"n","area":"A","level":"front","appointment":false,"minutes":1,"output":"o","fees":{"bollo_eur":-1,"diritti_eur":0,"other_eur":0,"notes":""},"required_documents":[],"form_fields":[],"back_office":null,"deadline_days":null,"notify_on":[],"legal_refs":[],"notes":""}]}"#, "fee"),
        ("not json", "syntax"),
    ])
    func malformedCatalogsAreRefused(json: String, reason: String) {
        #expect(throws: (any Error).self, "\(reason)") { try ProcedureCatalog(json: json) }
    }
}
