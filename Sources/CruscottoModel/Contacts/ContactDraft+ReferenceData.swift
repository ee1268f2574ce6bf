extension ContactDraft {
    /// Validation with the compiled-in reference data: the codice fiscale module (two-digit
    /// years placed relative to `today`) and the CAP directory.
    public func validated(today: CivilDate) -> ContactValidation {
        validated(today: today, fiscalCodes: CodiceFiscaleChecker(reference: today), postalCodes: CapDirectory.shared)
    }
}
