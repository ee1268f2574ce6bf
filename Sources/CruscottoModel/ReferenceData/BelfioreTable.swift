/// The Belfiore (codice catastale) table of Italian comuni, past and present, and foreign
/// states, with validity dates. Compiled into the program and parsed once, on first use.
public final class BelfioreTable: Sendable {
    /// The table compiled into the program (parsed lazily and thread-safely by `static let`).
    public static let shared = BelfioreTable(csv: BelfioreData.text)

    /// Every row, sorted by code and then by start of validity.
    public let entries: [BelfioreEntry]
    /// Lines of the source that could not be read (expected 0; the tests check it).
    public let malformedLines: Int
    /// Historical comuni listed without a code ("ND"): skipped, no codice fiscale can name them.
    public let rowsWithoutCode: Int

    // Parallel to `entries`: validity as yyyymmdd keys (open end = Int32.max) for the hot path.
    private let fromKeys: [Int32]
    private let toKeys: [Int32]
    // Rows of slot s (letter * 1000 + number) are entries[slotStart[s]..<slotStart[s + 1]].
    private let slotStart: [Int32]
    private let byName: [String: [Int]]

    static let slotCount = 26 * 1000

    public init(csv: String) {
        var rows: [BelfioreEntry] = []
        rows.reserveCapacity(20_000)
        var malformed = 0
        var withoutCode = 0
        ReferenceCSV.forEachRow(csv) { f in
            if f.count == 6, f[0].elementsEqual("ND".utf8) {
                withoutCode += 1
                return
            }
            guard f.count == 6, BelfioreTable.slot(f[0]) != nil,
                  let from = ReferenceCSV.date(f[3]),
                  let kind = BelfioreKind(rawValue: ReferenceCSV.string(f[5])) else {
                malformed += 1
                return
            }
            let to = ReferenceCSV.date(f[4])
            if to == nil && f[4].count != 0 { malformed += 1; return }
            rows.append(BelfioreEntry(
                code: ReferenceCSV.string(f[0]), name: ReferenceCSV.string(f[1]),
                province: ReferenceCSV.string(f[2]), validFrom: from, validTo: to, kind: kind))
        }
        // Sort on integers (slot, start key): comparing Strings 20,000·log n times is slow.
        let order = rows.indices.map { i -> (Int, Int32, Int) in
            (BelfioreTable.slot(rows[i].code) ?? 0, rows[i].validFrom.key, i)
        }.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        rows = order.map { rows[$0.2] }
        entries = rows
        malformedLines = malformed
        rowsWithoutCode = withoutCode
        fromKeys = rows.map(\.validFrom.key)
        toKeys = rows.map { $0.validTo?.key ?? Int32.max }

        var counts = [Int32](repeating: 0, count: BelfioreTable.slotCount + 1)
        for row in rows {
            let s = BelfioreTable.slot(row.code) ?? 0
            counts[s + 1] += 1
        }
        for s in 0..<BelfioreTable.slotCount { counts[s + 1] += counts[s] }
        slotStart = counts

        var names: [String: [Int]] = [:]
        names.reserveCapacity(12_000)
        var keyCache: [String: String] = [:]
        for (index, row) in rows.enumerated() {
            let key: String
            if let cached = keyCache[row.name] { key = cached } else {
                key = NameKey.make(row.name)
                keyCache[row.name] = key
            }
            names[key, default: []].append(index)
        }
        byName = names
    }

    // MARK: Lookup by code

    /// Every row of a code (several when the comune was renamed or changed provincia), oldest first.
    public func entries(forCode code: String) -> [BelfioreEntry] {
        guard let s = BelfioreTable.slot(code.uppercased()) else { return [] }
        return Array(entries[Int(slotStart[s])..<Int(slotStart[s + 1])])
    }

    /// The row of a code valid on a date, if any.
    public func entry(forCode code: String, on date: CivilDate) -> BelfioreEntry? {
        guard let s = BelfioreTable.slot(code.uppercased()) else { return nil }
        return entryIndex(slot: s, dateKey: date.key).map { entries[$0] }
    }

    public func contains(code: String) -> Bool {
        guard let s = BelfioreTable.slot(code.uppercased()) else { return false }
        return slotStart[s] != slotStart[s + 1]
    }

    /// Index of the row of slot `slot` valid on `dateKey` (yyyymmdd); allocation-free.
    @inline(__always)
    func entryIndex(slot: Int, dateKey: Int32) -> Int? {
        var i = Int(slotStart[slot])
        let end = Int(slotStart[slot + 1])
        while i < end {
            if fromKeys[i] <= dateKey && dateKey <= toKeys[i] { return i }
            i += 1
        }
        return nil
    }

    @inline(__always)
    func hasRows(slot: Int) -> Bool { slotStart[slot] != slotStart[slot + 1] }

    func rows(slot: Int) -> ArraySlice<BelfioreEntry> {
        entries[Int(slotStart[slot])..<Int(slotStart[slot + 1])]
    }

    /// Slot of a code "A123": letter index * 1000 + number; nil when not of that shape.
    @inline(__always)
    static func slot(letter: UInt8, _ d1: UInt8, _ d2: UInt8, _ d3: UInt8) -> Int? {
        guard letter >= 65, letter <= 90, d1 >= 48, d1 <= 57, d2 >= 48, d2 <= 57, d3 >= 48, d3 <= 57 else { return nil }
        return Int(letter - 65) * 1000 + Int(d1 - 48) * 100 + Int(d2 - 48) * 10 + Int(d3 - 48)
    }

    static func slot(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        guard field.count == 4 else { return nil }
        return slot(letter: field[0], field[1], field[2], field[3])
    }

    static func slot(_ code: String) -> Int? {
        let b = Array(code.utf8)
        guard b.count == 4 else { return nil }
        return slot(letter: b[0], b[1], b[2], b[3])
    }

    // MARK: Lookup by name

    /// Rows whose name matches (accents, case and punctuation ignored), optionally only in a
    /// provincia (the one of that period or of any other period of the same code) and only
    /// those valid on a date.
    public func candidates(name: String, province: String? = nil, on date: CivilDate? = nil) -> [BelfioreEntry] {
        let key = NameKey.make(name)
        guard let indices = byName[key] else { return [] }
        let wanted = province.map { NameKey.make($0) }
        return indices.compactMap { i -> BelfioreEntry? in
            let row = entries[i]
            if let wanted, !codeHasProvince(row.code, wanted) { return nil }
            if let date, !row.isValid(on: date) { return nil }
            return row
        }
    }

    func codeHasProvince(_ code: String, _ province: String) -> Bool {
        guard let s = BelfioreTable.slot(code) else { return false }
        return rows(slot: s).contains { $0.province == province }
    }

    func indicesForName(key: String) -> [Int] { byName[key] ?? [] }
}
