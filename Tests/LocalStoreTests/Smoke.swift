import Testing
@Test func placeholderLocalStoreTests() { #expect(Bool(true)) }
