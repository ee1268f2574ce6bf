/// Contact validation's view of the codice fiscale module: validity from the decoder,
/// differences from the mismatch rules, with the module's own Italian messages.
public struct CodiceFiscaleChecker: FiscalCodeChecking {
    public let table: BelfioreTable
    /// The day that places two-digit birth years in their century (the office day).
    public let reference: CivilDate

    public init(reference: CivilDate, table: BelfioreTable = .shared) {
        self.reference = reference
        self.table = table
    }

    public func problem(with code: String) -> String? {
        CodiceFiscaleDecoder(table: table).decode(code, reference: reference).errors.first?.message
    }

    /// Data the operator left empty are taken from the code itself, so only what was typed
    /// and disagrees is reported.
    public func mismatches(
        code: String, surname: String, name: String, sex: Sex?, birthDate: CivilDate?, birthPlace: String
    ) -> [FiscalCodeMismatch] {
        let report = CodiceFiscaleDecoder(table: table).decode(code, reference: reference)
        guard report.valid, report.kind == .standard,
              let codeSex = report.sex, let codeDate = report.birthDate else { return [] }
        let person = CodiceFiscalePerson(
            surname: surname, name: name,
            sex: sex.flatMap { CodiceFiscaleSex(rawValue: $0.rawValue) } ?? codeSex,
            birthDate: birthDate ?? codeDate,
            birthPlace: birthPlace.isEmpty ? (report.birthPlace?.code ?? "") : birthPlace)
        return CodiceFiscaleMismatch(table: table).warnings(code: code, person: person).compactMap { issue in
            Self.field(of: issue.code).map { FiscalCodeMismatch(field: $0, message: issue.message) }
        }
    }

    /// The omocodia base of a code (nil when not well formed), for duplicate detection.
    public static func base(of code: String) -> String? {
        CodiceFiscaleOmocodia.base(of: code)
    }

    static func field(of code: CodiceFiscaleIssue.Code) -> ContactField? {
        switch code {
        case .surnameMismatch: .surname
        case .nameMismatch: .name
        case .sexMismatch: .sex
        case .birthDateMismatch: .birthDate
        case .birthPlaceMismatch: .birthPlace
        default: nil
        }
    }
}
