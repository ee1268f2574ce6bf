import Foundation

extension String {
    /// Without leading and trailing spaces and line ends.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}

extension Character {
    /// 0–9 only (`isNumber` alone also accepts other scripts' digits and fractions).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
