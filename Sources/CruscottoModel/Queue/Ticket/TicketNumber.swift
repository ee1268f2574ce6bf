import Foundation

/// The number a citizen reads: service prefix and daily sequence, `A042`.
///
/// Width rule: the sequence is zero-padded to three digits (`A001`…`A999`) and printed in
/// full beyond (`A1000`); the pair (prefix, seq) is the identity, the text is only its form.
public struct TicketNumber: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let prefix: String
    public let seq: Int

    public init(prefix: String, seq: Int) {
        self.prefix = prefix
        self.seq = seq
    }

    public static let minimumDigits = 3

    public var display: String { prefix + String(seq).leftPadded(to: Self.minimumDigits) }
    public var description: String { display }

    /// Parses `A042`, `a42`, `AB1000`: letters, then at least one digit, seq ≥ 1.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let letters = trimmed.prefix { $0.isASCII && $0.isLetter }
        let digits = trimmed.dropFirst(letters.count)
        guard Self.isValidPrefix(String(letters)), !digits.isEmpty, digits.count <= 9,
              digits.allSatisfy({ $0.isASCII && $0.isNumber }), let seq = Int(digits), seq >= 1
        else { return nil }
        self.init(prefix: String(letters), seq: seq)
    }

    public static func isValidPrefix(_ prefix: String) -> Bool {
        (1...2).contains(prefix.count) && prefix.allSatisfy { $0.isASCII && $0.isUppercase }
    }

    public static func < (lhs: TicketNumber, rhs: TicketNumber) -> Bool {
        (lhs.prefix, lhs.seq) < (rhs.prefix, rhs.seq)
    }
}
