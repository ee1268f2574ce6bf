import Foundation

/// A telephone number normalised to E.164 (`+` and up to 15 digits).
///
/// Numbers without an international prefix are Italian (+39 by default): mobile numbers
/// start with 3, landlines keep their leading 0 after the country code (`0523 123456` →
/// `+390523123456`), and 80x/84x/89x are non-geographic numbers. `+` or `00` introduce an
/// international number.
public struct PhoneNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `+` followed by the digits, e.g. `+393331234567`.
    public let e164: String

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case invalidCharacters
        case tooShort
        case tooLong
        case unknownNationalPrefix
        case invalidCountryCode

        public var description: String {
            switch self {
            case .empty: "numero di telefono vuoto"
            case .invalidCharacters: "il numero di telefono contiene caratteri non validi"
            case .tooShort: "numero di telefono troppo corto"
            case .tooLong: "numero di telefono troppo lungo (al massimo 15 cifre con il prefisso internazionale)"
            case .unknownNationalPrefix: "numero italiano non riconosciuto: deve iniziare con 0 (fisso) o 3 (cellulare), oppure indicare il prefisso internazionale (+ o 00)"
            case .invalidCountryCode: "prefisso internazionale non valido"
            }
        }
    }

    /// Parses what an operator or a file gives: spaces, `-`, `.`, `/` and parentheses are
    /// ignored; a `+` is allowed only at the start.
    public static func parse(_ text: String, defaultCountryCode: String = "39") -> Result<PhoneNumber, Problem> {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty else { return .failure(.empty) }
        var digits = ""
        var international = false
        for (offset, character) in trimmed.enumerated() {
            if character.isASCIIDigit {
                digits.append(character)
            } else if character == "+" && offset == 0 {
                international = true
            } else if " -./()\u{00A0}".contains(character) {
                continue
            } else {
                return .failure(.invalidCharacters)
            }
        }
        if !international && digits.hasPrefix("00") {
            international = true
            digits.removeFirst(2)
        }
        if international {
            guard let first = digits.first else { return .failure(.tooShort) }
            guard first != "0" else { return .failure(.invalidCountryCode) }
            if digits.hasPrefix("39") {
                return validateItalian(national: String(digits.dropFirst(2)), countryCode: "39")
            }
            guard digits.count >= 8 else { return .failure(.tooShort) }
            guard digits.count <= 15 else { return .failure(.tooLong) }
            return .success(PhoneNumber(e164: "+" + digits))
        }
        return validateItalian(national: digits, countryCode: defaultCountryCode)
    }

    /// Convenience for callers that only need the value.
    public init?(_ text: String, defaultCountryCode: String = "39") {
        guard case .success(let number) = PhoneNumber.parse(text, defaultCountryCode: defaultCountryCode) else { return nil }
        self = number
    }

    private init(e164: String) { self.e164 = e164 }

    /// A number as the store wrote it (`e164`, validated when it was saved): checked for its
    /// shape only, so reading search results does not run the parser again. Anything else
    /// goes through `parse`.
    public init?(storedE164 text: String) {
        let utf8 = text.utf8
        if utf8.count >= 9, utf8.count <= 16, utf8.first == UInt8(ascii: "+"),
           utf8.dropFirst().allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            self.init(e164: text)
        } else {
            self.init(text)
        }
    }

    private static func validateItalian(national: String, countryCode: String) -> Result<PhoneNumber, Problem> {
        guard countryCode == "39" else {
            // Another default country: only the length rule of E.164 applies.
            guard national.count >= 4 else { return .failure(.tooShort) }
            guard countryCode.count + national.count <= 15 else { return .failure(.tooLong) }
            return .success(PhoneNumber(e164: "+" + countryCode + national))
        }
        guard let first = national.first else { return .failure(.tooShort) }
        switch first {
        case "3":
            // Mobile: 3xx plus 6–8 digits (9 or 10 digits in total; a few old ones have 9).
            guard national.count >= 9 else { return .failure(.tooShort) }
            guard national.count <= 10 else { return .failure(.tooLong) }
        case "0":
            // Landline: the 0 is part of the number; 6 to 11 digits.
            guard national.count >= 6 else { return .failure(.tooShort) }
            guard national.count <= 11 else { return .failure(.tooLong) }
        case "8":
            // Non-geographic (numero verde 800/803, 840/848, 89x).
            guard national.count >= 6 else { return .failure(.tooShort) }
            guard national.count <= 10 else { return .failure(.tooLong) }
        default:
            return .failure(.unknownNationalPrefix)
        }
        return .success(PhoneNumber(e164: "+39" + national))
    }

    /// The digits without `+`.
    public var digits: Substring { e164.dropFirst() }

    /// The digits in reverse order, for an ordinary B-tree index: a number typed from its
    /// end ("1234567") becomes a prefix of this key, which `LIKE 'key%'`/range scans serve.
    public var reversedDigitsKey: String { String(digits.reversed()) }

    /// True for Italian numbers (+39).
    public var isItalian: Bool { e164.hasPrefix("+39") }

    /// `+39 333 1234567` for Italian numbers, the E.164 form otherwise.
    public var formatted: String {
        guard isItalian else { return e164 }
        let national = e164.dropFirst(3)
        let split = national.hasPrefix("3") ? 3 : (national.hasPrefix("0") ? min(4, national.count / 2) : 3)
        return "+39 " + national.prefix(split) + " " + national.dropFirst(split)
    }

    public var description: String { e164 }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch PhoneNumber.parse(text) {
        case .success(let number): self = number
        case .failure(let problem):
            throw DecodingError.dataCorruptedError(in: container, debugDescription: problem.description)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(e164)
    }
}
