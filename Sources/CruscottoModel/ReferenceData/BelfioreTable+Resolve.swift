extension BelfioreTable {
    /// Resolves a place name (comune or foreign state, optional provincia) to the code valid on
    /// `date`. A current name finds the code also for dates before a renaming; ambiguous names
    /// are reported with their candidates, never guessed.
    public func resolve(name: String, province: String? = nil, on date: CivilDate) -> BelfioreResolution {
        let key = NameKey.make(name)
        let named = indicesForName(key: key).map { entries[$0] }
        guard !named.isEmpty else { return .notFound(elsewhere: []) }
        let wanted = province.map { NameKey.make($0) }.flatMap { $0.isEmpty ? nil : $0 }
        var codes: [String] = []
        for row in named where !codes.contains(row.code) {
            if let wanted, !codeHasProvince(row.code, wanted) { continue }
            codes.append(row.code)
        }
        guard !codes.isEmpty else { return .notFound(elsewhere: named) }

        var exact: [BelfioreEntry] = []
        var renamed: [BelfioreEntry] = []
        for code in codes {
            guard let row = entry(forCode: code, on: date) else { continue }
            if NameKey.make(row.name) == key { exact.append(row) } else { renamed.append(row) }
        }
        if exact.count == 1 { return .found(exact[0]) }
        if exact.count > 1 { return .ambiguous(exact) }
        if renamed.count == 1 { return .found(renamed[0]) }
        if renamed.count > 1 { return .ambiguous(renamed) }
        return .notValidOnDate(named.filter { codes.contains($0.code) })
    }
}
