import Foundation

/// Reads a contacts CSV file row by row: header mapping, drafts, validation, import
/// identities. Pure: the store consumes the rows, inserting accepted ones in batches
/// inside one transaction and skipping identities it already holds.
///
/// Errors about the whole file (empty, binary, unknown encoding, duplicated or missing
/// header names) are thrown by `init`; every problem of a single row comes out as a
/// `.rejected` row and reading goes on.
public struct ContactCSVImport: Sequence, IteratorProtocol {
    public let mapping: ContactCSVMapping
    private var reader: CSVReader
    private let today: CivilDate
    private let fiscalCodes: any FiscalCodeChecking
    private let postalCodes: (any PostalCodeDirectory)?
    private var firstLineByIdentity: [String: Int] = [:]

    public init(
        data: Data, today: CivilDate, fiscalCodes: any FiscalCodeChecking, postalCodes: (any PostalCodeDirectory)? = nil
    ) throws(CSVError) {
        var reader = try CSVReader(data: data)
        guard let header = reader.next() else { throw .empty }
        self.mapping = try ContactCSVMapping(header: header)
        self.reader = reader
        self.today = today
        self.fiscalCodes = fiscalCodes
        self.postalCodes = postalCodes
    }

    public var encoding: CSVEncoding { reader.encoding }
    public var separator: Character { reader.separator }
    /// Fraction of the file read, for the progress bar of the bulk path.
    public var progress: Double { reader.progress }

    public mutating func next() -> ContactImportRow? {
        guard let record = reader.next() else { return nil }
        let draft: ContactDraft
        switch mapping.draft(from: record) {
        case .success(var parsed):
            // Nobody is at the counter to confirm: warnings are reported instead.
            parsed.warningsConfirmed = true
            draft = parsed
        case .failure(let rejection):
            return .rejected(rejection)
        }
        let validation = draft.validated(today: today, fiscalCodes: fiscalCodes, postalCodes: postalCodes)
        guard let details = validation.details else {
            return .rejected(ContactImportRejection(line: record.line, reason: validation.errorMessages.joined(separator: "; ")))
        }
        guard ContactImportIdentity.isDistinctive(details) else {
            return .rejected(ContactImportRejection(
                line: record.line,
                reason: "servono il codice fiscale, la data di nascita, un telefono o un'e-mail per distinguere la persona da un omonimo"))
        }
        let identity = ContactImportIdentity.key(for: details)
        if let firstLine = firstLineByIdentity[identity] {
            return .repeated(line: record.line, firstLine: firstLine, identity: identity)
        }
        firstLineByIdentity[identity] = record.line
        return .accepted(line: record.line, details: details, identity: identity, warnings: validation.warnings)
    }
}
