import Foundation

/// Reads CSV records from the bytes of a file, one record at a time.
///
/// - Encoding: valid UTF-8, with or without byte-order mark, is UTF-8; otherwise bytes
///   valid as Windows-1252 are Windows-1252; the result names it. NUL and control bytes
///   mean a binary file; UTF-16 is refused by its byte-order mark.
/// - Separator: `;` or `,`, whichever occurs more often outside quotes in the header line
///   (`;` on a tie: Italian Excel's choice).
/// - Quoting as RFC 4180: a field in double quotes may hold separators, newlines and
///   doubled quotes (`""`). A quote inside an unquoted field is kept as text.
/// - Lines end with LF, CRLF or CR. Blank lines are skipped. Each record knows the physical
///   line it starts on.
/// A malformed record is returned with its problem and reading goes on, so one bad row
/// never stops an import. Fields are decoded one by one from the bytes: no string the size
/// of a line or of the file is built.
public struct CSVReader: Sequence, IteratorProtocol {
    public let encoding: CSVEncoding
    public let separator: Character
    /// Size of the input, and how much of it has been read: for a progress bar.
    public let totalBytes: Int
    public private(set) var bytesRead: Int

    private let data: Data
    private let separatorByte: UInt8
    private var line = 1
    private var scratch: [UInt8] = []

    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// Detects encoding and separator; refuses empty and non-text files.
    public init(data: Data) throws(CSVError) {
        let detected = data.withUnsafeBytes { CSVEncoding.detect($0) }
        let encoding: CSVEncoding
        switch detected {
        case .success(let found): encoding = found
        case .failure(let error): throw error
        }
        let start = encoding == .utf8WithBOM ? 3 : 0
        let blankBytes: Set<UInt8> = [0x20, 0x09, 0x0C, 0x1A, Self.cr, Self.lf]
        let isBlank = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            bytes[start...].allSatisfy { blankBytes.contains($0) }
        }
        guard !isBlank else { throw .empty }
        self.data = data
        self.encoding = encoding
        self.totalBytes = data.count
        self.bytesRead = start
        let separatorByte = data.withUnsafeBytes { Self.detectSeparator($0, from: start) }
        self.separatorByte = separatorByte
        self.separator = Character(Unicode.Scalar(separatorByte))
    }

    /// Fraction of the input read so far, 0…1.
    public var progress: Double {
        totalBytes == 0 ? 1 : Double(bytesRead) / Double(totalBytes)
    }

    public mutating func next() -> CSVRecord? {
        while true {
            guard let record = readRecord() else { return nil }
            let blank = record.problem == nil && record.fields.count == 1 && record.fields[0].allSatisfy(\.isWhitespace)
            if !blank { return record }
        }
    }

    private mutating func readRecord() -> CSVRecord? {
        let end = data.count
        guard bytesRead < end else { return nil }
        // A DOS end-of-file marker alone at the end is not a record.
        if bytesRead == end - 1 && data[data.index(data.startIndex, offsetBy: end - 1)] == 0x1A { return nil }
        let data = self.data
        let encoding = self.encoding
        let separatorByte = self.separatorByte
        var line = self.line
        var scratch: [UInt8] = []
        swap(&scratch, &self.scratch)
        let startLine = line
        let startPosition = bytesRead
        var position = bytesRead
        var fields: [String] = []
        var problem: CSVRecord.Problem?
        var finished = false

        data.withUnsafeBytes { bytes in
            while !finished {
                if position < end && bytes[position] == Self.quote {
                    position += 1
                    scratch.removeAll(keepingCapacity: true)
                    var closed = false
                    while position < end {
                        let byte = bytes[position]
                        if byte == Self.quote {
                            if position + 1 < end && bytes[position + 1] == Self.quote {
                                scratch.append(Self.quote)
                                position += 2
                                continue
                            }
                            position += 1
                            closed = true
                            break
                        }
                        if byte == Self.lf || (byte == Self.cr && !(position + 1 < end && bytes[position + 1] == Self.lf)) {
                            line += 1
                        }
                        scratch.append(byte)
                        position += 1
                    }
                    guard closed else {
                        // Resume on the line after the one the record started on, so the
                        // stray quote costs one record, not the rest of the file.
                        problem = .unterminatedQuote
                        line = startLine
                        position = Self.endOfLine(bytes, from: startPosition, end: end, line: &line)
                        finished = true
                        return
                    }
                    fields.append(scratch.withUnsafeBytes { encoding.decode($0) })
                    if position < end && bytes[position] != separatorByte && bytes[position] != Self.cr && bytes[position] != Self.lf {
                        if problem == nil { problem = .textAfterClosingQuote(field: fields.count) }
                        while position < end && bytes[position] != separatorByte && bytes[position] != Self.cr && bytes[position] != Self.lf {
                            position += 1
                        }
                    }
                } else {
                    let fieldStart = position
                    while position < end {
                        let byte = bytes[position]
                        if byte == separatorByte || byte == Self.cr || byte == Self.lf { break }
                        position += 1
                    }
                    fields.append(encoding.decode(UnsafeRawBufferPointer(rebasing: bytes[fieldStart..<position])))
                }
                if position >= end {
                    finished = true
                } else if bytes[position] == separatorByte {
                    position += 1
                    if position >= end {
                        fields.append("")
                        finished = true
                    }
                } else {
                    position = Self.skipNewline(bytes, at: position, end: end)
                    line += 1
                    finished = true
                }
            }
        }
        bytesRead = position
        self.line = line
        self.scratch = scratch
        return CSVRecord(line: startLine, fields: fields, problem: problem)
    }

    private static func skipNewline(_ bytes: UnsafeRawBufferPointer, at position: Int, end: Int) -> Int {
        if bytes[position] == cr && position + 1 < end && bytes[position + 1] == lf { return position + 2 }
        return position + 1
    }

    /// Position after the first line end at or after `start` (or the end), counting it.
    private static func endOfLine(_ bytes: UnsafeRawBufferPointer, from start: Int, end: Int, line: inout Int) -> Int {
        var position = start
        while position < end && bytes[position] != cr && bytes[position] != lf { position += 1 }
        guard position < end else { return end }
        line += 1
        return skipNewline(bytes, at: position, end: end)
    }

    /// Counts `;` and `,` outside quotes in the first non-blank line.
    static func detectSeparator(_ bytes: UnsafeRawBufferPointer, from start: Int) -> UInt8 {
        var semicolons = 0, commas = 0
        var inQuotes = false
        var seenText = false
        var position = start
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == quote {
                inQuotes.toggle()
            } else if !inQuotes && (byte == cr || byte == lf) {
                if seenText { break }
            } else if !inQuotes && byte == UInt8(ascii: ";") {
                semicolons += 1
            } else if !inQuotes && byte == UInt8(ascii: ",") {
                commas += 1
            }
            if byte != cr && byte != lf && byte != 0x20 { seenText = true }
        }
        return commas > semicolons ? UInt8(ascii: ",") : UInt8(ascii: ";")
    }
}
