/// CAP ↔ comune hints compiled into the program, parsed once on first use.
public final class CapDirectory: Sendable {
    public static let shared = CapDirectory(csv: CapData.text)

    public let entries: [CapEntry]
    public let malformedLines: Int
    private let byCap: [String: [Int]]
    private let byComune: [String: [Int]]

    public init(csv: String) {
        var rows: [CapEntry] = []
        rows.reserveCapacity(19_000)
        var malformed = 0
        ReferenceCSV.forEachRow(csv) { f in
            guard f.count == 3, f[0].count == 5, f[0].allSatisfy({ $0 >= 48 && $0 <= 57 }), f[1].count > 0 else {
                malformed += 1
                return
            }
            rows.append(CapEntry(cap: ReferenceCSV.string(f[0]), comune: ReferenceCSV.string(f[1]), province: ReferenceCSV.string(f[2])))
        }
        entries = rows
        malformedLines = malformed
        var caps: [String: [Int]] = [:]
        var comuni: [String: [Int]] = [:]
        for (i, row) in rows.enumerated() {
            caps[row.cap, default: []].append(i)
            comuni[NameKey.make(row.comune), default: []].append(i)
        }
        byCap = caps
        byComune = comuni
    }

    /// Comuni (or localities) served by a CAP.
    public func comuni(forCap cap: String) -> [CapEntry] {
        (byCap[cap.trimmingSpaces] ?? []).map { entries[$0] }
    }

    /// CAPs of a comune (accents and case ignored), optionally only in one provincia.
    public func caps(forComune comune: String, province: String? = nil) -> [CapEntry] {
        let wanted = province.map { NameKey.make($0) }
        return (byComune[NameKey.make(comune)] ?? []).map { entries[$0] }.filter { entry in
            wanted.map { $0 == entry.province } ?? true
        }
    }
}

private extension String {
    var trimmingSpaces: String {
        String(unicodeScalars.filter { $0 != " " })
    }
}
