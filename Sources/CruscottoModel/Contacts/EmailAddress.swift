import Foundation

/// An e-mail address validated pragmatically: what Italian offices actually receive
/// (ordinary mailboxes and PEC), not the whole of RFC 5322. The local part keeps its case
/// (a server may distinguish it); the domain is lower-cased.
public struct EmailAddress: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case missingAt
        case severalAt
        case invalidLocalPart
        case invalidDomain
        case tooLong

        public var description: String {
            switch self {
            case .empty: "indirizzo e-mail vuoto"
            case .missingAt: "indirizzo e-mail senza @"
            case .severalAt: "indirizzo e-mail con più di una @"
            case .invalidLocalPart: "la parte prima della @ non è valida"
            case .invalidDomain: "il dominio dopo la @ non è valido (es. esempio.it)"
            case .tooLong: "indirizzo e-mail troppo lungo"
            }
        }
    }

    private static let localSpecials = Set("!#$%&'*+-/=?^_`{|}~.".utf8)

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    public static func parse(_ text: String) -> Result<EmailAddress, Problem> {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty else { return .failure(.empty) }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return .failure(.missingAt) }
        guard parts.count == 2 else { return .failure(.severalAt) }
        let local = parts[0]
        let domain = parts[1].lowercased()
        guard trimmed.utf8.count <= 254 else { return .failure(.tooLong) }
        guard !local.isEmpty, local.utf8.count <= 64,
              local.utf8.allSatisfy({ isASCIIAlphanumeric($0) || localSpecials.contains($0) }),
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..")
        else { return .failure(.invalidLocalPart) }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2,
              labels.allSatisfy({ label in
                  !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                      && label.utf8.allSatisfy { isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "-") }
              }),
              let top = labels.last, top.utf8.count >= 2, top.utf8.allSatisfy({ isASCIIAlphanumeric($0) && $0 > 0x39 })
        else { return .failure(.invalidDomain) }
        return .success(EmailAddress(value: local + "@" + domain))
    }

    public init?(_ text: String) {
        guard case .success(let address) = EmailAddress.parse(text) else { return nil }
        self = address
    }

    private init(value: String) { self.value = value }

    /// An address as the store wrote it (`value`, validated when it was saved): ASCII with one
    /// `@` between a non-empty local part and a lower-case domain with a dot is taken as it is,
    /// so reading search results does not run the parser again. Anything else goes through `parse`.
    public init?(storedValue text: String) {
        var at: Int?
        var index = 0
        var plain = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: "@") {
                if at != nil { plain = false; break }
                at = index
            } else if byte > 0x7E || byte <= 0x20 || (at != nil && byte >= 0x41 && byte <= 0x5A) {
                plain = false
                break
            }
            index += 1
        }
        if plain, let at, at > 0, at < index - 3, text.utf8.dropFirst(at + 1).contains(UInt8(ascii: ".")) {
            self.init(value: text)
        } else {
            self.init(text)
        }
    }

    /// Lower-cased whole address: the key of the B-tree index and of duplicate checks.
    public var searchKey: String { value.lowercased() }

    public var domain: Substring { value.split(separator: "@").last ?? "" }

    public var description: String { value }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch EmailAddress.parse(text) {
        case .success(let address): self = address
        case .failure(let problem):
            throw DecodingError.dataCorruptedError(in: container, debugDescription: problem.description)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
