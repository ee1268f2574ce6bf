extension CivilDate {
    /// Accepts the two forms found in Italian files and forms: `DD/MM/YYYY` (also with `-` or `.`)
    /// and ISO `YYYY-MM-DD`. Surrounding spaces are ignored.
    public init?(parsing text: String) {
        let trimmed = text.trimmed
        let parts = trimmed.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "-" || $0 == "." }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        if parts[0].count == 4 && trimmed.contains("-") && !trimmed.contains("/") {
            guard parts[1].count <= 2, parts[2].count <= 2 else { return nil }
            self.init(year: numbers[0], month: numbers[1], day: numbers[2])
        } else if parts[2].count == 4 {
            guard parts[0].count <= 2, parts[1].count <= 2 else { return nil }
            self.init(year: numbers[2], month: numbers[1], day: numbers[0])
        } else {
            return nil
        }
    }
}
