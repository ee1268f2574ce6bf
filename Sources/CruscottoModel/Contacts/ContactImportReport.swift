/// The tally of an import, in the terms the operator reads at the end: what was created,
/// what was already there, what was skipped and why, line by line.
public struct ContactImportReport: Sendable {
    public let encoding: CSVEncoding
    public let separator: Character
    public let ignoredHeaders: [String]
    /// New contacts written.
    public private(set) var created = 0
    /// Valid rows whose identity the registry already held (a file imported again).
    public private(set) var alreadyPresent = 0
    /// Rows repeating an earlier row of the same file.
    public private(set) var repeated: [(line: Int, firstLine: Int)] = []
    public private(set) var rejected: [ContactImportRejection] = []
    /// Warnings of imported rows, with their lines.
    public private(set) var warnings: [(line: Int, warning: ContactWarning)] = []

    public init(encoding: CSVEncoding, separator: Character, ignoredHeaders: [String]) {
        self.encoding = encoding
        self.separator = separator
        self.ignoredHeaders = ignoredHeaders
    }

    /// Counts a row. For an accepted row, `isNew` says whether the store created it (false
    /// when its identity was already in the registry).
    public mutating func record(_ row: ContactImportRow, isNew: Bool = true) {
        switch row {
        case .accepted(let line, _, _, let rowWarnings):
            if isNew {
                created += 1
                warnings.append(contentsOf: rowWarnings.map { (line, $0) })
            } else {
                alreadyPresent += 1
            }
        case .repeated(let line, let firstLine, _):
            repeated.append((line, firstLine))
        case .rejected(let rejection):
            rejected.append(rejection)
        }
    }

    /// One line: "File UTF-8, separatore «;»: 120 contatti creati, 3 già presenti, 1 ripetuto nel file, 2 righe scartate."
    public var summary: String {
        var parts = ["\(created) \(created == 1 ? "contatto creato" : "contatti creati")"]
        parts.append("\(alreadyPresent) già \(alreadyPresent == 1 ? "presente" : "presenti")")
        parts.append("\(repeated.count) \(repeated.count == 1 ? "ripetuto" : "ripetuti") nel file")
        parts.append("\(rejected.count) \(rejected.count == 1 ? "riga scartata" : "righe scartate")")
        return "File \(encoding.name), separatore «\(separator)»: " + parts.joined(separator: ", ") + "."
    }

    /// Details in line order: rejections, repetitions, warnings, then ignored columns.
    public var details: [String] {
        var lines: [(Int, String)] = []
        lines += rejected.map { ($0.line, "riga \($0.line): scartata: \($0.reason)") }
        lines += repeated.map { ($0.line, "riga \($0.line): stessa persona della riga \($0.firstLine), saltata") }
        lines += warnings.map { ($0.line, "riga \($0.line): attenzione: \($0.warning.message)") }
        var text = lines.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
        if !ignoredHeaders.isEmpty {
            text.append("colonne ignorate: " + ignoredHeaders.joined(separator: ", "))
        }
        return text
    }
}
