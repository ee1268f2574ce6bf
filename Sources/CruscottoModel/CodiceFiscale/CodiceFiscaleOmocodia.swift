/// Omocodia: to tell apart people whose data give the same code, the Agenzia delle Entrate
/// replaces digits from the right with L M N P Q R S T U V. Every one of the 2^7 = 128
/// spellings of a code is valid and names the same person.
public enum CodiceFiscaleOmocodia {
    /// The 128 spellings of a code (the base first, then by level, the usual right-to-left
    /// variant first in each level), each with its own check character; nil when the code is
    /// not well formed (its check character is not verified: use the decoder for that).
    public static func variants(of code: String) -> [String]? {
        guard let bytes = wellFormed(code) else { return nil }
        let masks = (0..<128).sorted { ($0.nonzeroBitCount, $0) < ($1.nonzeroBitCount, $1) }
        return masks.map { String(decoding: applying(mask: $0, to: bytes), as: UTF8.self) }
    }

    /// The code with every omocodia letter turned back into its digit and the check character
    /// recomputed; nil when the code is not well formed.
    public static func base(of code: String) -> String? {
        guard let bytes = wellFormed(code) else { return nil }
        return String(decoding: applying(mask: 0, to: bytes), as: UTF8.self)
    }

    /// Number of digits replaced by letters (0…7); nil when the code is not well formed.
    public static func level(of code: String) -> Int? {
        guard let bytes = wellFormed(code) else { return nil }
        return mask(of: bytes).nonzeroBitCount
    }

    /// Bit k set when the k-th digit position from the right holds a letter.
    static func mask(of bytes: [UInt8]) -> Int {
        var mask = 0
        for (k, position) in CodiceFiscaleTables.digitPositions.reversed().enumerated()
        where CodiceFiscaleTables.isUpperLetter(bytes[position]) {
            mask |= 1 << k
        }
        return mask
    }

    /// The code with exactly the digit positions of `mask` spelled as letters, new check character.
    static func applying(mask: Int, to bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        for (k, position) in CodiceFiscaleTables.digitPositions.reversed().enumerated() {
            let digit = CodiceFiscaleTables.digitValue[Int(bytes[position])]
            out[position] = mask & (1 << k) != 0 ? CodiceFiscaleTables.omocodeLetters[Int(digit)] : 48 + digit
        }
        out[15] = out.withUnsafeBufferPointer { CodiceFiscaleTables.checkCharacter($0) }
        return out
    }

    /// Normalised bytes when the code has 16 characters of the right kinds in the right places.
    static func wellFormed(_ code: String) -> [UInt8]? {
        let bytes = Array(CodiceFiscaleNormalizer.normalize(code).utf8)
        guard bytes.count == 16 else { return nil }
        for i in 0..<16 {
            let b = bytes[i]
            switch i {
            case 6, 7, 9, 10, 12, 13, 14:
                if CodiceFiscaleTables.digitValue[Int(b)] == 255 { return nil }
            case 8:
                if CodiceFiscaleTables.monthValue[Int(b)] == 0 { return nil }
            default:
                if !CodiceFiscaleTables.isUpperLetter(b) { return nil }
            }
        }
        return bytes
    }
}
