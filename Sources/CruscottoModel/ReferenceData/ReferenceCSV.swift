/// Byte-level reader of the embedded CSV files (they use no quoting: the tests check it).
enum ReferenceCSV {
    typealias Field = UnsafeBufferPointer<UInt8>

    /// Calls `row` with the fields of every non-empty data line (the header line is skipped).
    /// The fields point into the text and are valid only during the call.
    static func forEachRow(_ text: String, _ row: ([Field]) -> Void) {
        var copy = text
        copy.withUTF8 { buffer in
            var fields: [Field] = []
            fields.reserveCapacity(8)
            var lineStart = 0
            var isHeader = true
            let n = buffer.count
            var i = 0
            while i <= n {
                if i == n || buffer[i] == 10 {
                    var end = i
                    if end > lineStart && buffer[end - 1] == 13 { end -= 1 }
                    if end > lineStart {
                        if isHeader {
                            isHeader = false
                        } else {
                            fields.removeAll(keepingCapacity: true)
                            var fieldStart = lineStart
                            var j = lineStart
                            while j <= end {
                                if j == end || buffer[j] == 44 {
                                    fields.append(Field(rebasing: buffer[fieldStart..<j]))
                                    fieldStart = j + 1
                                }
                                j += 1
                            }
                            row(fields)
                        }
                    }
                    lineStart = i + 1
                }
                i += 1
            }
        }
    }

    static func string(_ field: Field) -> String {
        String(decoding: field, as: UTF8.self)
    }

    /// `YYYY-MM-DD` → date; nil for an empty or malformed field.
    static func date(_ field: Field) -> CivilDate? {
        guard field.count == 10, field[4] == 45, field[7] == 45 else { return nil }
        func num(_ range: Range<Int>) -> Int? {
            var v = 0
            for k in range {
                let b = field[k]
                guard b >= 48, b <= 57 else { return nil }
                v = v * 10 + Int(b - 48)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }
}
