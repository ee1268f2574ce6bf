import Foundation

extension ContactCSVImport {
    /// An import checked against the compiled-in reference data (codice fiscale module and
    /// CAP directory).
    public init(data: Data, today: CivilDate) throws(CSVError) {
        try self.init(data: data, today: today, fiscalCodes: CodiceFiscaleChecker(reference: today), postalCodes: CapDirectory.shared)
    }
}
