/// Century inference: a two-digit year is in the 2000s unless that would put the birth after
/// the reference date (today, for commands), then in the 1900s.
enum CodiceFiscaleCentury {
    @inline(__always)
    static func year(twoDigits yy: Int, month: Int, day: Int, referenceKey: Int32) -> Int {
        let candidate = 2000 + yy
        let key = Int32(candidate * 10_000 + month * 100 + day)
        return key > referenceKey ? candidate - 100 : candidate
    }
}
