import Testing
@testable import CruscottoModel

@Suite struct CapDirectoryTests {
    let directory = CapDirectory.shared

    @Test func parsesEveryRow() {
        #expect(directory.entries.count == 18_358)
        #expect(directory.malformedLines == 0)
    }

    @Test func comuniOfACap() {
        let names = directory.comuni(forCap: "00010").map(\.comune)
        #expect(names.contains("Poli"))
        #expect(directory.comuni(forCap: "99999").isEmpty)
    }

    @Test func capsOfAComuneIgnoreAccentsAndFilterByProvince() {
        let caps = directory.caps(forComune: "poli")
        #expect(caps.contains { $0.cap == "00010" && $0.province == "RM" })
        #expect(directory.caps(forComune: "Poli", province: "MI").isEmpty)
    }
}
