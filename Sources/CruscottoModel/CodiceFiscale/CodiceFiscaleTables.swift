/// Byte tables of the codice fiscale rules (DM 23/12/1976), indexed by ASCII byte.
enum CodiceFiscaleTables {
    /// Omocodia letters standing for the digits 0…9.
    static let omocodeLetters: [UInt8] = Array("LMNPQRSTUV".utf8)
    /// Month letters for January…December.
    static let monthLetters: [UInt8] = Array("ABCDEHLMPRST".utf8)
    /// Positions (0-based) holding digits, which omocodia replaces from the right.
    static let digitPositions: [Int] = [6, 7, 9, 10, 12, 13, 14]

    /// Value of a character in an odd (1st, 3rd…) position for the check character.
    static let oddValue: [UInt8] = {
        let odd: [UInt8] = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
        var t = [UInt8](repeating: 0, count: 256)
        for i in 0..<10 { t[48 + i] = odd[i] }
        for i in 0..<26 { t[65 + i] = odd[i] }
        return t
    }()

    /// Value of a character in an even position for the check character.
    static let evenValue: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 256)
        for i in 0..<10 { t[48 + i] = UInt8(i) }
        for i in 0..<26 { t[65 + i] = UInt8(i) }
        return t
    }()

    /// Digit value of a digit or of an omocodia letter; 255 for anything else.
    static let digitValue: [UInt8] = {
        var t = [UInt8](repeating: 255, count: 256)
        for i in 0..<10 { t[48 + i] = UInt8(i) }
        for (i, letter) in omocodeLetters.enumerated() { t[Int(letter)] = UInt8(i) }
        return t
    }()

    /// Month (1…12) of a month letter; 0 for anything else.
    static let monthValue: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 256)
        for (i, letter) in monthLetters.enumerated() { t[Int(letter)] = UInt8(i + 1) }
        return t
    }()

    /// The check character (as an ASCII byte) of the first 15 upper-case characters of `b`.
    @inline(__always)
    static func checkCharacter(_ b: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var sum = 0
        oddValue.withUnsafeBufferPointer { odd in
            evenValue.withUnsafeBufferPointer { even in
                var i = 0
                while i < 14 {
                    sum &+= Int(odd[Int(b[i])]) &+ Int(even[Int(b[i &+ 1])])
                    i &+= 2
                }
                sum &+= Int(odd[Int(b[14])])
            }
        }
        return UInt8(65 + sum % 26)
    }

    static func checkCharacter(of first15: [UInt8]) -> UInt8 {
        first15.withUnsafeBufferPointer { checkCharacter($0) }
    }

    @inline(__always)
    static func isUpperLetter(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
}
