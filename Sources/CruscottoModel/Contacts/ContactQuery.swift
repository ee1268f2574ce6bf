/// What an operator typed in the search box, and every plausible reading of it.
///
/// One box serves codice fiscale, phone, e-mail and names; a text may be several things
/// at once ("RSSNCL" is both a codice fiscale prefix and a name), so the store looks up
/// every interpretation (each bounded) and unions the candidates before ranking them.
public struct ContactQuery: Hashable, Sendable {
    public enum Interpretation: Hashable, Sendable {
        /// A whole codice fiscale (16 characters) or an 11-digit provisional code: exact B-tree lookup.
        case fiscalCode(String)
        /// The beginning of a codice fiscale (6–15 characters matching its shape): B-tree range.
        case fiscalCodePrefix(String)
        /// A phone number: the exact E.164 number when the text is a whole number, and the
        /// reversed digits for a prefix scan of the reversed-digits index (numbers are found
        /// by their final digits too: "4567" finds +393331234567).
        case phone(exact: PhoneNumber?, reversedDigitsPrefix: String)
        /// An e-mail: exact when complete and valid; otherwise the lower-cased beginning.
        case email(exact: EmailAddress?, prefix: String)
        /// Name words, each a prefix of a surname or name key, in any order.
        case name(tokens: [String])
    }

    /// Shortest partial codice fiscale worth a lookup: the six letters of surname and name.
    public static let minimumFiscalCodePrefix = 6
    /// Shortest run of digits searched as a phone number.
    public static let minimumPhoneDigits = 4
    /// Words beyond this are ignored (no name needs more; it bounds the query).
    public static let maximumNameTokens = 6

    public let text: String
    public let interpretations: [Interpretation]

    public init(_ text: String) {
        self.text = text
        self.interpretations = Self.interpret(text)
    }

    public var isEmpty: Bool { interpretations.isEmpty }

    /// The name tokens, if the text can be a name.
    public var nameTokens: [String]? {
        for case .name(let tokens) in interpretations { return tokens }
        return nil
    }

    private static func interpret(_ text: String) -> [Interpretation] {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty else { return [] }
        var result: [Interpretation] = []

        if trimmed.contains("@") {
            let lowered = trimmed.lowercased()
            result.append(.email(exact: EmailAddress(trimmed), prefix: lowered))
            return result
        }

        let compact = CodiceFiscaleNormalizer.normalize(trimmed)
        if compact.count == 16, matchesFiscalCodeShape(compact) {
            result.append(.fiscalCode(compact))
        } else if compact.count == 11, compact.allSatisfy(\.isASCIIDigit) {
            result.append(.fiscalCode(compact))
        } else if compact.count >= minimumFiscalCodePrefix, compact.count < 16, matchesFiscalCodeShape(compact) {
            result.append(.fiscalCodePrefix(compact))
        }

        let phoneCharacters = Set("0123456789+-./() ")
        if trimmed.allSatisfy({ phoneCharacters.contains($0) }) {
            var digits = trimmed.filter(\.isASCIIDigit)
            let exact = PhoneNumber(trimmed)
            if let exact {
                digits = String(exact.digits)
            } else if trimmed.hasPrefix("00") {
                digits = String(digits.dropFirst(2))
            }
            if digits.count >= minimumPhoneDigits {
                result.append(.phone(exact: exact, reversedDigitsPrefix: String(digits.reversed())))
            }
        }

        // Words of letters are name prefixes; numbers typed beside them ("rossi 1980") are
        // left out; a word mixing both ("rssmra80") is a code, not a name.
        let tokens = SearchText.queryTokens(trimmed)
        let words = tokens.filter { !$0.allSatisfy(\.isASCIIDigit) }
        if !words.isEmpty, words.allSatisfy({ $0.allSatisfy(\.isLetter) }) {
            result.append(.name(tokens: Array(words.prefix(maximumNameTokens))))
        }
        return result
    }

    /// Character classes of the codice fiscale, position by position (the codice fiscale
    /// module's tables): surname and name letters, year (digits or their omocodia letters),
    /// month letter, day, Belfiore letter and digits, check letter. A prefix is checked
    /// against as many positions as it has.
    static func matchesFiscalCodeShape(_ code: String) -> Bool {
        var position = 0
        for byte in code.utf8 {
            switch position {
            case 0...5, 11, 15:
                guard CodiceFiscaleTables.isUpperLetter(byte) else { return false }
            case 8:
                guard CodiceFiscaleTables.monthValue[Int(byte)] != 0 else { return false }
            case 6, 7, 9, 10, 12, 13, 14:
                guard CodiceFiscaleTables.digitValue[Int(byte)] != 255 else { return false }
            default:
                return false
            }
            position += 1
        }
        return true
    }
}
