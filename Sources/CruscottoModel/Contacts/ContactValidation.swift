/// The outcome of validating a `ContactDraft`.
public struct ContactValidation: Hashable, Sendable {
    /// Present when there are no errors.
    public let details: ContactDetails?
    /// One Italian message per offending field, for the form's message line.
    public let errors: [ContactField: String]
    public let warnings: [ContactWarning]
    /// True when warnings exist that the operator has not confirmed yet.
    public let needsConfirmation: Bool

    public var isValid: Bool { errors.isEmpty }

    /// Errors in form order, each as "campo: motivo".
    public var errorMessages: [String] {
        errors.sorted { $0.key < $1.key }.map { "\($0.key.label): \($0.value)" }
    }
}
