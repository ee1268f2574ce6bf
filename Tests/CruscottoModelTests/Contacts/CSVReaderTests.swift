import Foundation
import Testing
@testable import CruscottoModel

@Suite struct CSVReaderTests {
    static func read(_ bytes: [UInt8]) throws -> (CSVReader, [CSVRecord]) {
        var reader = try CSVReader(data: Data(bytes))
        var records: [CSVRecord] = []
        while let record = reader.next() { records.append(record) }
        return (reader, records)
    }

    static func read(_ text: String) throws -> (CSVReader, [CSVRecord]) {
        try read(Array(text.utf8))
    }

    @Test func utf8WithBOMAndSemicolons() throws {
        let (reader, records) = try Self.read([0xEF, 0xBB, 0xBF] + Array("cognome;nome\nRossi;Niccolò\n".utf8))
        #expect(reader.encoding == .utf8WithBOM)
        #expect(reader.separator == ";")
        #expect(records.map(\.fields) == [["cognome", "nome"], ["Rossi", "Niccolò"]])
        #expect(reader.progress == 1)
    }

    @Test func utf8WithoutBOMAndCommas() throws {
        let (reader, records) = try Self.read("surname,name\r\nD'Angelo,Nicolò\r\n")
        #expect(reader.encoding == .utf8)
        #expect(reader.separator == ",")
        #expect(records.map(\.fields) == [["surname", "name"], ["D'Angelo", "Nicolò"]])
        #expect(records.map(\.line) == [1, 2])
    }

    @Test func windows1252() throws {
        // "Nicolò" with ò as 0xF2, and a euro sign (0x80) in a note.
        let bytes = Array("cognome;nome;note\nRossi;Nicol".utf8) + [0xF2] + Array(";costo 5 ".utf8) + [0x80] + [0x0A]
        let (reader, records) = try Self.read(bytes)
        #expect(reader.encoding == .windows1252)
        #expect(reader.encoding.name == "Windows-1252")
        #expect(records.last?.fields == ["Rossi", "Nicolò", "costo 5 €"])
    }

    @Test func quotedFields() throws {
        let text = "cognome;nome;note\n\"Rossi; Bianchi\";\"Mario\";\"dice \"\"sì\"\"\nsu due righe\"\nVerdi;Anna;\n"
        let (_, records) = try Self.read(text)
        #expect(records.count == 3)
        #expect(records[1].fields == ["Rossi; Bianchi", "Mario", "dice \"sì\"\nsu due righe"])
        #expect(records[1].line == 2)
        #expect(records[2].fields == ["Verdi", "Anna", ""])
        #expect(records[2].line == 4) // the quoted newline counts as a physical line
    }

    @Test func separatorInsideQuotedHeaderIsNotCounted() throws {
        let (reader, _) = try Self.read("\"cognome, nome\";\"note, varie\";cap\nRossi Mario;x;29121\n")
        #expect(reader.separator == ";")
    }

    @Test func blankLinesAreSkippedAndLinesStillCounted() throws {
        let (_, records) = try Self.read("a;b\n\n1;2\n\r\n3;4")
        #expect(records.map(\.line) == [1, 3, 5])
        #expect(records.last?.fields == ["3", "4"])
    }

    @Test func unterminatedQuoteCostsOneRecord() throws {
        let (_, records) = try Self.read("a;b\n\"1;2\n3;4\n5;6\n")
        #expect(records.map(\.line) == [1, 2, 3, 4])
        #expect(records[1].problem == .unterminatedQuote)
        #expect(records[2].fields == ["3", "4"])
        #expect(records[3].fields == ["5", "6"])
    }

    @Test func textAfterClosingQuote() throws {
        let (_, records) = try Self.read("a;b\n\"1\"x;2\n3;4\n")
        #expect(records[1].problem == .textAfterClosingQuote(field: 1))
        #expect(records[2].fields == ["3", "4"])
        #expect(records[2].line == 3)
    }

    @Test func trailingSeparatorMakesAnEmptyField() throws {
        let (_, records) = try Self.read("a;b;\n1;2;")
        #expect(records.map(\.fields) == [["a", "b", ""], ["1", "2", ""]])
    }

    @Test(arguments: [
        ([UInt8](), CSVError.empty),
        (Array("\n\r\n  \n".utf8), .empty),
        ([0xEF, 0xBB, 0xBF], .empty),
        ([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x00, 0x0A], .notCSV(offset: 6)),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], .notCSV(offset: 6)),
        ([0xFF, 0xFE, 0x63, 0x00], .unsupportedEncoding("UTF-16")),
        ([0x61, 0x3B, 0x81, 0x0A], .unknownEncoding(offset: 2)),
        ([0xEF, 0xBB, 0xBF, 0x61, 0xF2, 0x0A], .invalidUTF8(offset: 4)),
    ])
    func refusesFiles(bytes: [UInt8], error: CSVError) {
        #expect(throws: error) { try CSVReader(data: Data(bytes)) }
    }

    @Test func errorMessagesAreItalian() {
        #expect(CSVError.empty.description == "il file è vuoto")
        #expect(CSVError.notCSV(offset: 0).description.hasPrefix("non è un file CSV"))
        #expect(CSVError.duplicatedHeader(name: "cognome", columns: [1, 4, 6]).description
            == "intestazione duplicata: «cognome» compare nelle colonne 1, 4 e 6")
    }

    @Test(arguments: [
        ([0xE0, 0xA0, 0x80] as [UInt8], nil as Int?),
        ([0xC0, 0xAF], 0),        // overlong
        ([0xED, 0xA0, 0x80], 0),  // surrogate
        ([0x61, 0xF4, 0x90, 0x80, 0x80], 1), // beyond U+10FFFF
        ([0x61, 0xE2, 0x82], 1),  // truncated
    ])
    func utf8Validation(bytes: [UInt8], invalidAt: Int?) {
        let found = bytes.withUnsafeBytes { CSVEncoding.firstInvalidUTF8($0) }
        #expect(found == invalidAt)
    }
}
