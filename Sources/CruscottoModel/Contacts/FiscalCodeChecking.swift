/// What contact validation needs to know about a codice fiscale. The codice fiscale
/// module provides the real implementation; keeping it behind this protocol lets the
/// registry's rules be tested on their own and keeps the two modules from depending on
/// each other's internals.
public protocol FiscalCodeChecking: Sendable {
    /// Nil when the code is valid (shape, check character, omocodia, provisional 11-digit
    /// codes); otherwise an Italian reason for the operator.
    func problem(with code: String) -> String?

    /// Differences between what a valid code encodes and the personal data (empty when
    /// they agree or the data are too incomplete to compare).
    func mismatches(code: String, surname: String, name: String, sex: Sex?, birthDate: CivilDate?, birthPlace: String) -> [FiscalCodeMismatch]
}
