import Testing
@Test func placeholderCruscottoModelTests() { #expect(Bool(true)) }
