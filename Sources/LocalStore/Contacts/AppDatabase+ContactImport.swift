import CruscottoModel
import Foundation
import GRDB

extension AppDatabase {
    /// Contacts named by one `contact.imported` outbox event.
    public static let contactImportBatchSize = 1000
    /// An import expected to bring at least this many rows (and at least a quarter of the
    /// registry) takes the bulk path.
    public static let contactBulkImportThreshold = 20_000

    /// Imports the rows of a CSV file (`ContactCSVImport`) in one transaction: accepted rows
    /// whose identity the registry does not hold yet are created, the others counted; the
    /// report gets every row. `progress` is called now and then with the fraction of the file
    /// read (for a progress bar). With `dryRun` everything is done and rolled back.
    public func importContacts(
        _ csv: ContactCSVImport, source: String, context: AccessContext, dryRun: Bool = false,
        expectedRows: Int? = nil, progress: ((Double) -> Void)? = nil
    ) throws -> (report: ContactImportReport, summary: ContactImportSummary) {
        var rows = csv
        var report = ContactImportReport(encoding: csv.encoding, separator: csv.separator, ignoredHeaders: csv.mapping.ignoredHeaders)
        let summary = try importContacts(
            next: { rows.next() }, source: source, context: context, dryRun: dryRun, expectedRows: expectedRows,
            record: { row, isNew in report.record(row, isNew: isNew) },
            progress: progress.map { callback in { callback(rows.progress) } })
        return (report, summary)
    }

    /// The import core, for any source of rows (the CSV file, the benchmark's generator).
    /// `record` is told the fate of every row (`isNew` false when already in the registry);
    /// an error it throws stops the import and rolls it back.
    ///
    /// Row path: each contact is inserted with its key rows, and identities are checked
    /// through the indexes. Bulk path (`expectedRows` ≥ `contactBulkImportThreshold` and at
    /// least a quarter of the registry): the secondary indexes are dropped, identities are
    /// checked against a set loaded once, only contact rows are inserted, then the key tables
    /// are filled from the rows' key columns in key order and the indexes built again, all in
    /// the same transaction: nothing is half-saved, and a failure rolls everything back.
    public func importContacts(
        next: () -> ContactImportRow?, source: String, context: AccessContext, dryRun: Bool = false,
        expectedRows: Int? = nil, record: (ContactImportRow, Bool) throws -> Void,
        progress: (() -> Void)? = nil
    ) throws -> ContactImportSummary {
        try Self.checkPurpose(context)
        let now = clock.now()
        let createdAt = StoredInstant.iso(now)
        let importID = UUIDv7.make(at: now).uuidString.lowercased()
        var summary = ContactImportSummary()
        summary.dryRun = dryRun
        try writer.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM contact") ?? 0
                let bulk = (expectedRows ?? 0) >= Self.contactBulkImportThreshold && (expectedRows ?? 0) * 4 >= existing
                summary.bulk = bulk
                let afterSeq = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM contact") ?? 0
                let previousCache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                if bulk { try db.execute(sql: "PRAGMA cache_size = -131072") }
                defer { if bulk { try? db.execute(sql: "PRAGMA cache_size = \(previousCache)") } }

                var knownIdentities = Set<String>()
                if bulk {
                    if existing > 0 {
                        for identity in try String.fetchAll(db, sql: "SELECT import_identity FROM contact WHERE import_identity IS NOT NULL") {
                            knownIdentities.insert(identity)
                        }
                        for code in try String.fetchAll(db, sql: "SELECT fiscal_code FROM contact WHERE fiscal_code IS NOT NULL") {
                            knownIdentities.insert("cf:" + code)
                        }
                    }
                    for name in ContactSchema.indexNames { try db.execute(sql: "DROP INDEX IF EXISTS \(name)") }
                }
                let insert = try db.cachedStatement(sql: ContactColumns.insertSQL)
                let identityKnown = try db.cachedStatement(sql: "SELECT 1 FROM contact WHERE import_identity = ? LIMIT 1")
                let codeKnown = try db.cachedStatement(sql: "SELECT 1 FROM contact WHERE fiscal_code = ? LIMIT 1")
                var batch: [String] = []
                var batchNumber = 0
                func flushBatch() throws {
                    guard !batch.isEmpty else { return }
                    batchNumber += 1
                    try OutboxEvent.append(db, type: ContactImportBatchPayload.type, payloadVersion: ContactImportBatchPayload.version,
                                           payload: ContactImportBatchPayload(importID: importID, batch: batchNumber, contacts: batch,
                                                                              importedBy: context.operatorUsername,
                                                                              station: context.stationID, source: source),
                                           at: now)
                    summary.outboxEvents += 1
                    batch.removeAll(keepingCapacity: true)
                }
                var seen = 0
                var ids = ContactIDGenerator()
                while let row = next() {
                    seen += 1
                    if seen % 4096 == 0 { progress?() }
                    guard case .accepted(_, let details, let identity, _) = row else {
                        try record(row, false)
                        continue
                    }
                    let present: Bool
                    if bulk {
                        present = !knownIdentities.insert(identity).inserted
                    } else if identity.hasPrefix("cf:") {
                        present = try Bool.fetchOne(codeKnown, arguments: [String(identity.dropFirst(3))]) == true
                            || Bool.fetchOne(identityKnown, arguments: [identity]) == true
                    } else {
                        present = try Bool.fetchOne(identityKnown, arguments: [identity]) == true
                    }
                    if present {
                        summary.alreadyPresent += 1
                        try record(row, false)
                        continue
                    }
                    let contact = Contact(id: ids.make(at: now), details: details, createdBy: context,
                                          at: now, importIdentity: identity)
                    if bulk {
                        try insert.execute(arguments: Self.bulkArguments(contact, createdAt: createdAt))
                    } else {
                        try insert.execute(arguments: ContactColumns.insertArguments(contact))
                        try Self.insertKeys(db, seq: db.lastInsertedRowID, details: details)
                    }
                    summary.created += 1
                    try record(row, true)
                    batch.append(contact.id.rawValue)
                    if batch.count == Self.contactImportBatchSize { try flushBatch() }
                }
                try flushBatch()
                progress?()
                if bulk {
                    try ContactSchema.rebuildKeys(db, afterSeq: afterSeq)
                    try db.execute(sql: ContactSchema.indexesSQL)
                }
                if dryRun { return .rollback }
                try AccessAuditEntry.record(db, context, what: Self.importAuditText(source, summary), at: now)
                return .commit
            }
        }
        // A dry run is rolled back, its audit row with it: it is recorded on its own.
        if dryRun { try recordLightAccess(context, what: Self.importAuditText(source, summary)) }
        return summary
    }

    private static func importAuditText(_ source: String, _ summary: ContactImportSummary) -> String {
        "anagrafica: importazione da \(source): \(summary.created) contatti nuovi, \(summary.alreadyPresent) già presenti"
            + (summary.dryRun ? " (prova, nulla salvato)" : "")
    }

    /// The insert arguments with the instants formatted once per import.
    private static func bulkArguments(_ contact: Contact, createdAt: String) -> StatementArguments {
        var values: [(any DatabaseValueConvertible)?] = [contact.id.rawValue]
        values += ContactColumns.detailValues(contact.details)
        values += [contact.importIdentity, createdAt, contact.createdBy, createdAt, contact.updatedBy, nil]
        return StatementArguments(values)
    }
}
