extension OpeningHours {
    /// Italian description of the week, as used in messages:
    /// `lunedì–venerdì 8:30–12:30, giovedì anche 14:30–17:00`.
    ///
    /// Intervals shared by the same set of days are grouped; groups are listed from the
    /// widest set of days; a group whose days all appear in an earlier group says "anche".
    public var italianDescription: String {
        guard !isNeverOpen else { return "nessun orario di apertura" }
        var daysByInterval: [OpeningInterval: Set<Weekday>] = [:]
        for (weekday, intervals) in days {
            for interval in intervals { daysByInterval[interval, default: []].insert(weekday) }
        }
        var groups: [(days: [Weekday], intervals: [OpeningInterval])] = []
        var bySet: [[Weekday]: [OpeningInterval]] = [:]
        for (interval, set) in daysByInterval { bySet[set.sorted(), default: []].append(interval) }
        for (set, intervals) in bySet { groups.append((set, intervals.sorted())) }
        groups.sort { a, b in
            if a.days.count != b.days.count { return a.days.count > b.days.count }
            if a.days.first! != b.days.first! { return a.days.first! < b.days.first! }
            return a.intervals.first! < b.intervals.first!
        }
        var shown: Set<Weekday> = []
        var parts: [String] = []
        for group in groups {
            let also = Set(group.days).isSubset(of: shown) ? " anche" : ""
            let hours = group.intervals.map(\.italianText).joined(separator: " e ")
            parts.append("\(Self.italianDays(group.days))\(also) \(hours)")
            shown.formUnion(group.days)
        }
        return parts.joined(separator: ", ")
    }

    /// `lunedì–venerdì`, `lunedì e mercoledì`, `lunedì–mercoledì e venerdì`.
    static func italianDays(_ days: [Weekday]) -> String {
        var runs: [[Weekday]] = []
        for day in days.sorted() {
            if let last = runs.last?.last, last.index + 1 == day.index {
                runs[runs.count - 1].append(day)
            } else {
                runs.append([day])
            }
        }
        var names: [String] = []
        for run in runs {
            if run.count >= 3 {
                names.append("\(run.first!.italianName)–\(run.last!.italianName)")
            } else {
                names.append(contentsOf: run.map(\.italianName))
            }
        }
        if names.count == 1 { return names[0] }
        return names.dropLast().joined(separator: ", ") + " e " + names.last!
    }
}
