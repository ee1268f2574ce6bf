extension Consent {
    /// Reads a consent answer as typed in the form or found in a file:
    /// - empty: never asked (nil, no error);
    /// - sì/si/s/yes/y/x/1/true/vero: granted on `today`;
    /// - no/n/0/false/falso: refused on `today`;
    /// - a date (`DD/MM/YYYY` or `YYYY-MM-DD`): granted on that day;
    /// - "sì 12/03/2025" or "no 12/03/2025": granted or refused on that day.
    /// Returns an Italian reason when the text is none of these.
    public static func parse(_ text: String, kind: Kind, today: CivilDate) -> Result<Consent?, ConsentParseError> {
        let words = SearchText.fold(text).split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else { return .success(nil) }
        if words.count == 1, let day = CivilDate(parsing: first) {
            return .success(Consent(kind: kind, granted: true, recordedOn: day))
        }
        guard words.count <= 2 else { return .failure(ConsentParseError(text: text)) }
        let granted: Bool
        switch first {
        case "si", "s", "yes", "y", "x", "1", "true", "vero": granted = true
        case "no", "n", "0", "false", "falso": granted = false
        default: return .failure(ConsentParseError(text: text))
        }
        var day = today
        if words.count == 2 {
            guard let given = CivilDate(parsing: words[1]) else { return .failure(ConsentParseError(text: text)) }
            day = given
        }
        return .success(Consent(kind: kind, granted: granted, recordedOn: day))
    }

    /// The form that `parse` reads back unchanged ("sì 12/03/2025").
    public var answerText: String {
        (granted ? "sì " : "no ") + recordedOn.italian
    }
}

/// A consent answer that is neither yes, no nor a date.
public struct ConsentParseError: Error, Hashable, Sendable {
    public let text: String
    public var message: String { "risposta non riconosciuta «\(text)»: usare sì, no oppure una data" }
}
