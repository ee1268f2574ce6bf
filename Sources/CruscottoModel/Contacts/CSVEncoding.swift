/// Text encodings a CSV file may come in. Offices export from Excel (Windows-1252 or
/// UTF-8 with a byte-order mark) and from other programs (UTF-8).
public enum CSVEncoding: String, Hashable, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 con BOM"
    case windows1252 = "Windows-1252"

    /// The name shown to the operator.
    public var name: String { rawValue }

    /// Characters of bytes 0x80–0x9F in Windows-1252; nil marks the five undefined bytes.
    /// Bytes 0xA0–0xFF are the Latin-1 characters of the same number.
    static let windows1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar? {
        if byte >= 0x80 && byte < 0xA0 { return windows1252High[Int(byte - 0x80)] }
        return Unicode.Scalar(byte)
    }

    /// Decodes bytes already known to be valid in this encoding.
    func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        switch self {
        case .utf8, .utf8WithBOM:
            return String(decoding: bytes, as: UTF8.self)
        case .windows1252:
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(Self.windows1252Scalar(byte) ?? "\u{FFFD}") }
            return String(scalars)
        }
    }

    /// Checks the bytes and names their encoding. Refuses what is not text.
    static func detect(_ bytes: UnsafeRawBufferPointer) -> Result<CSVEncoding, CSVError> {
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            return .failure(.unsupportedEncoding("UTF-16"))
        }
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        for (offset, byte) in bytes.enumerated() where byte < 0x20 {
            switch byte {
            case 0x09, 0x0A, 0x0D, 0x0C: continue
            case 0x1A where offset == bytes.count - 1: continue // DOS end-of-file marker
            default: return .failure(.notCSV(offset: offset))
            }
        }
        if let invalid = firstInvalidUTF8(bytes) {
            if hasBOM { return .failure(.invalidUTF8(offset: invalid)) }
            if let undefined = bytes.firstIndex(where: { $0 >= 0x80 && $0 < 0xA0 && windows1252Scalar($0) == nil }) {
                return .failure(.unknownEncoding(offset: undefined))
            }
            return .success(.windows1252)
        }
        return .success(hasBOM ? .utf8WithBOM : .utf8)
    }

    /// Offset of the first byte that breaks UTF-8 (overlong forms, surrogates and values
    /// beyond U+10FFFF included), nil when all is valid.
    static func firstInvalidUTF8(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = bytes[index + 1]
            guard second >= low && second <= high else { return index }
            for next in 2..<length where bytes[index + next] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }
}
