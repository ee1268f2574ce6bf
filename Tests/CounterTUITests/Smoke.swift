import Testing
@Test func placeholderCounterTUITests() { #expect(Bool(true)) }
