/// The fast yes/no check of a codice fiscale: syntax, check character, a real birth date and a
/// Belfiore code valid on that date (11-digit provisional codes: their check digit). Works on
/// UTF-8 bytes without allocating for the usual 16-character input; anything needing
/// normalisation (spaces, dashes) goes through `CodiceFiscaleDecoder`.
public enum CodiceFiscaleValidator {
    public static func isValid(_ code: String, reference: CivilDate, table: BelfioreTable = .shared) -> Bool {
        let fast = code.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            quickCheck(bytes, referenceKey: reference.key, table: table)
        }
        if let answer = fast ?? nil { return answer }
        return CodiceFiscaleDecoder(table: table).decode(code, reference: reference).valid
    }

    /// true/false when the bytes can be judged as they are; nil when they need normalising.
    @inline(__always)
    static func quickCheck(_ raw: UnsafeBufferPointer<UInt8>, referenceKey: Int32, table: BelfioreTable) -> Bool? {
        if raw.count == 11 {
            return raw.allSatisfy { $0 >= 48 && $0 <= 57 } ? ProvisionalCodiceFiscale.isValid(raw) : nil
        }
        guard raw.count == 16 else { return nil }
        // Upper-case copy on the stack (a tuple: no heap allocation).
        var tuple: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &tuple) { storage -> Bool? in
            let u = storage.bindMemory(to: UInt8.self)
            for i in 0..<16 {
                var b = raw[i]
                if b >= 97 && b <= 122 { b -= 32 }
                // Characters the normaliser removes (or non-ASCII ones): take the slow path.
                if b >= 0x80 || b == 32 || b == 45 || b == 46 || b == 9 || b == 10 || b == 13 { return nil }
                u[i] = b
            }
            let b = UnsafeBufferPointer(u)
            return CodiceFiscaleTables.digitValue.withUnsafeBufferPointer { digit -> Bool? in
                for i in 0..<16 {
                    let c = b[i]
                    switch i {
                    case 0...5, 11, 15:
                        if !CodiceFiscaleTables.isUpperLetter(c) { return false }
                    case 8:
                        if CodiceFiscaleTables.monthValue[Int(c)] == 0 { return false }
                    default:
                        if digit[Int(c)] == 255 { return false }
                    }
                }
                if CodiceFiscaleTables.checkCharacter(b) != b[15] { return false }
                let yy = Int(digit[Int(b[6])]) * 10 + Int(digit[Int(b[7])])
                var day = Int(digit[Int(b[9])]) * 10 + Int(digit[Int(b[10])])
                if day > 40 { day -= 40 }
                let month = Int(CodiceFiscaleTables.monthValue[Int(b[8])])
                guard day >= 1, day <= 31 else { return false }
                let year = CodiceFiscaleCentury.year(twoDigits: yy, month: month, day: day, referenceKey: referenceKey)
                guard day <= CivilDate.daysIn(month: month, year: year) else { return false }
                let slot = Int(b[11] - 65) * 1000 + Int(digit[Int(b[12])]) * 100 + Int(digit[Int(b[13])]) * 10 + Int(digit[Int(b[14])])
                let dateKey = Int32(year * 10_000 + month * 100 + day)
                return table.entryIndex(slot: slot, dateKey: dateKey) != nil
            }
        }
    }
}
