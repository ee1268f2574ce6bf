/// One row of the Belfiore table: a code with the name and provincia it had in one period.
/// A code has several rows when its comune was renamed or moved to another provincia.
public struct BelfioreEntry: Sendable, Hashable {
    public let code: String
    public let name: String
    /// Provincia abbreviation in that period; "EE" for foreign states.
    public let province: String
    public let validFrom: CivilDate
    /// nil while still valid.
    public let validTo: CivilDate?
    public let kind: BelfioreKind

    public init(code: String, name: String, province: String, validFrom: CivilDate, validTo: CivilDate?, kind: BelfioreKind) {
        self.code = code
        self.name = name
        self.province = province
        self.validFrom = validFrom
        self.validTo = validTo
        self.kind = kind
    }

    public func isValid(on date: CivilDate) -> Bool {
        validFrom <= date && (validTo.map { date <= $0 } ?? true)
    }

    /// "dal 19/11/1866 al 13/11/1924" or "dal 14/11/1924" (still valid), for messages.
    public var periodDescription: String {
        if let validTo { return "dal \(validFrom.italian) al \(validTo.italian)" }
        return "dal \(validFrom.italian) (ancora valido)"
    }

    /// "Roma, RM" for a comune, the plain name for a state (inside parentheses in messages).
    public var shortDescription: String {
        kind == .stato ? name : "\(name), \(province)"
    }

    /// "Roma (RM)" for a comune, the plain name for a state.
    public var displayName: String {
        kind == .stato ? name : "\(name) (\(province))"
    }
}
