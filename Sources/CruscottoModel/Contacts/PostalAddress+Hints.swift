extension PostalAddress {
    /// The places the directory knows for this CAP that agree with the comune typed
    /// (compared folded: "Forlì" = "FORLI'"), or all of them when no comune is typed.
    public func matchingPlaces(in directory: any PostalCodeDirectory) -> [PostalPlace] {
        matching(directory.places(forCap: cap))
    }

    private func matching(_ places: [PostalPlace]) -> [PostalPlace] {
        let comuneKey = SearchText.joinedKey(comune)
        guard !comuneKey.isEmpty else { return places }
        return places.filter { SearchText.joinedKey($0.comune) == comuneKey }
    }

    /// Fills what the CAP tells for sure: the comune when the CAP serves exactly one place
    /// and none was typed, the province when the comune is known for that CAP. Never
    /// overwrites what was typed.
    public func completed(using directory: any PostalCodeDirectory) -> PostalAddress {
        guard !cap.isEmpty else { return self }
        var address = self
        let matches = matchingPlaces(in: directory)
        if address.comune.isEmpty, matches.count == 1 {
            address.comune = matches[0].comune
        }
        if address.province.isEmpty, let province = Set(matches.map(\.province)).first, Set(matches.map(\.province)).count == 1 {
            address.province = province
        }
        return address
    }

    /// A warning when the directory knows the CAP and none of its places is the comune typed.
    public func capWarning(in directory: any PostalCodeDirectory) -> ContactWarning? {
        guard !cap.isEmpty, !comune.isEmpty else { return nil }
        let places = directory.places(forCap: cap)
        guard !places.isEmpty, matching(places).isEmpty else { return nil }
        return .capNotForComune(cap: cap, comune: comune, known: places.map(\.comune))
    }
}
