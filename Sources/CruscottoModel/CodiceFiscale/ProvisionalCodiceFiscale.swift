/// The 11-digit numeric codice fiscale (provisional codes, and the codes of companies, shaped
/// like a partita IVA): the last digit is a Luhn-style check digit over the first ten.
public enum ProvisionalCodiceFiscale {
    /// The check digit of the first ten digits (odd positions as they are, even positions
    /// doubled with 9 taken off when above 9).
    public static func checkDigit(_ digits: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var sum = 0
        for i in 0..<10 {
            var v = Int(digits[i] &- 48)
            if i % 2 == 1 {
                v *= 2
                if v > 9 { v -= 9 }
            }
            sum += v
        }
        return UInt8((10 - sum % 10) % 10)
    }

    public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 11, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        return checkDigit(bytes) == bytes[10] - 48
    }

    public static func isValid(_ code: String) -> Bool {
        Array(code.utf8).withUnsafeBufferPointer { isValid($0) }
    }

    /// The expected check digit for ten digits given as a string; nil when not ten digits.
    public static func checkDigit(for firstTen: String) -> Int? {
        let bytes = Array(firstTen.utf8)
        guard bytes.count == 10, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return bytes.withUnsafeBufferPointer { Int(checkDigit($0)) }
    }
}
