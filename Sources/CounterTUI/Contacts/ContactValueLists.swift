import CruscottoModel

/// The F4 lists of the edit form: fixed values for sex, channel, consents and document
/// types; comuni and foreign states from the compiled-in Belfiore table, filtered by what is
/// already typed in the field.
public enum ContactValueLists {
    /// How many places a list shows at most (the operator narrows it by typing).
    public static let placeLimit = 200

    public static func hasList(_ field: ContactField) -> Bool {
        switch field {
        case .sex, .preferredChannel, .consentPrivacy, .consentSMS, .consentEmail, .documentKind,
             .comune, .birthPlace, .citizenship:
            true
        default:
            false
        }
    }

    public static func options(for field: ContactField, typed: String, today: CivilDate) -> [ContactValueOption] {
        switch field {
        case .sex:
            return [ContactValueOption(shown: "M  maschio", value: "M"), ContactValueOption(shown: "F  femmina", value: "F")]
        case .preferredChannel:
            return PreferredChannel.allCases.map { ContactValueOption(shown: $0.label, value: $0.rawValue) }
        case .consentPrivacy, .consentSMS, .consentEmail:
            return [ContactValueOption(shown: "sì, da oggi", value: "sì"), ContactValueOption(shown: "no, rifiutato oggi", value: "no"),
                    ContactValueOption(shown: "mai chiesto", value: "")]
        case .documentKind:
            return IdentityDocument.Kind.allCases.map { ContactValueOption(shown: $0.label, value: $0.rawValue) }
        case .comune:
            return places(typed: typed, today: today, kinds: [.comune])
        case .birthPlace:
            return places(typed: typed, today: today, kinds: [.comune, .stato])
        case .citizenship:
            return places(typed: typed, today: today, kinds: [.stato])
        default:
            return []
        }
    }

    /// Places valid today whose folded name starts with the folded text typed.
    static func places(typed: String, today: CivilDate, kinds: Set<BelfioreKind>) -> [ContactValueOption] {
        let prefix = SearchText.fold(typed.trimmingCharacters(in: .whitespaces))
        var seen = Set<String>()
        var options: [ContactValueOption] = []
        for entry in BelfioreTable.shared.entries where kinds.contains(entry.kind) && entry.isValid(on: today) {
            guard prefix.isEmpty || SearchText.fold(entry.name).hasPrefix(prefix) else { continue }
            let name = displayName(entry.name)
            guard seen.insert(name + entry.province).inserted else { continue }
            let shown = entry.kind == .stato ? "\(name) (stato estero)" : (entry.province.isEmpty ? name : "\(name) (\(entry.province))")
            options.append(ContactValueOption(shown: shown, value: name, province: entry.kind == .comune ? entry.province : nil))
        }
        options.sort { SearchText.fold($0.shown) < SearchText.fold($1.shown) }
        return Array(options.prefix(placeLimit))
    }

    /// "SAN GIORGIO PIACENTINO" → "San Giorgio Piacentino" (the table is in capitals).
    static func displayName(_ name: String) -> String {
        guard name == name.uppercased() else { return name }
        return name.lowercased().split(separator: " ", omittingEmptySubsequences: false).map { word in
            word.prefix(1).uppercased() + word.dropFirst()
        }.joined(separator: " ")
    }
}
