import Testing
@testable import CruscottoModel

@Suite struct CodiceFiscaleOmocodiaTests {
    let today = CivilDate(year: 2026, month: 11, day: 30)!

    @Test(arguments: ["RSSMRA80A01H501U", "RSSMRA80A01H5LMX", "DLCMRA04B69L219J", "FOXGUO50E05Z110U"])
    func all128VariantsAreDistinctValidAndShareTheBase(code: String) throws {
        let variants = try #require(CodiceFiscaleOmocodia.variants(of: code))
        #expect(variants.count == 128)
        #expect(Set(variants).count == 128)
        let base = try #require(CodiceFiscaleOmocodia.base(of: code))
        #expect(variants.first == base)
        #expect(variants.last.flatMap { CodiceFiscaleOmocodia.level(of: $0) } == 7)
        let decoder = CodiceFiscaleDecoder()
        let reference = decoder.decode(base, reference: today)
        for variant in variants {
            #expect(CodiceFiscaleValidator.isValid(variant, reference: today), "\(variant)")
            #expect(CodiceFiscaleOmocodia.base(of: variant) == base)
            let r = decoder.decode(variant, reference: today)
            #expect(r.birthDate == reference.birthDate)
            #expect(r.birthPlace == reference.birthPlace)
        }
    }

    @Test func usualVariantComesFirstInEachLevel() throws {
        let variants = try #require(CodiceFiscaleOmocodia.variants(of: "RSSMRA80A01H501U"))
        #expect(variants[1] == "RSSMRA80A01H50MM")
        #expect(variants[8] == "RSSMRA80A01H5LMX")
    }

    @Test(arguments: [
        ("RSSMRA80A01H501U", 0),
        ("RSSMRA80A01H50MM", 1),
        ("RSSMRA80A01HRLMS", 3),
        ("RSSMRAULALMHRLMD", 7),
    ])
    func levels(code: String, level: Int) {
        #expect(CodiceFiscaleOmocodia.level(of: code) == level)
        #expect(CodiceFiscaleOmocodia.base(of: code) == "RSSMRA80A01H501U")
    }

    @Test(arguments: ["RSSMRA80A01H50", "RSSMRA80A01H5A1U", "RSSMRA8WA01H501U", "01234567897"])
    func malformedCodesHaveNoVariants(code: String) {
        #expect(CodiceFiscaleOmocodia.variants(of: code) == nil)
        #expect(CodiceFiscaleOmocodia.base(of: code) == nil)
    }
}
