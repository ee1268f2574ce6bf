import CruscottoModel
import Foundation
import GRDB

/// The contact registry: create, change, read. Every method takes the access context of the
/// operator and writes an `audit_access` row; every change appends its outbox event in the
/// same transaction (docs/CONTACTS.md, "Store").
extension AppDatabase {
    /// Creates a contact from a validated form. Refused when the form has errors, when its
    /// warnings are not confirmed (`ContactDraft.warningsConfirmed`), or when another contact
    /// already has the codice fiscale (the operator opens that one instead).
    @discardableResult
    public func createContact(_ validation: ContactValidation, context: AccessContext) throws -> Contact {
        let details = try Self.acceptedDetails(validation)
        try Self.checkPurpose(context)
        let now = clock.now()
        return try writer.write { db in
            if let code = details.fiscalCode, let existing = try Self.contactID(db, fiscalCode: code) {
                throw ContactStoreError.fiscalCodeInUse(code: code, existing: existing)
            }
            let contact = Contact(id: ContactID(UUIDv7.make(at: now)), details: details, createdBy: context, at: now)
            try Self.insert(db, contact)
            try Self.appendOutbox(db, .created(contact), at: now)
            try AccessAuditEntry.record(db, context, what: "contatto \(contact.id): creazione", at: now)
            return contact
        }
    }

    /// Replaces the details of a contact with a validated form, stamping who and when.
    @discardableResult
    public func updateContact(_ id: ContactID, with validation: ContactValidation, context: AccessContext) throws -> Contact {
        let details = try Self.acceptedDetails(validation)
        try Self.checkPurpose(context)
        let now = clock.now()
        return try writer.write { db in
            guard let stored = try Self.storedContact(db, id: id) else { throw ContactStoreError.notFound(id.rawValue) }
            if let into = stored.mergedInto { throw ContactStoreError.merged(id, into: into) }
            if let code = details.fiscalCode, let existing = try Self.contactID(db, fiscalCode: code), existing != id {
                throw ContactStoreError.fiscalCodeInUse(code: code, existing: existing)
            }
            var contact = stored.contact
            let event = contact.update(details, by: context, at: now)
            var values = ContactColumns.detailValues(details)
            values += [StoredInstant.iso(now), context.operatorUsername, stored.seq]
            // The key rows are rewritten only when a key changed: deleting and inserting the
            // same rows still dirties their pages (a few per contact, spread over the key
            // indexes), about half the pages of a change of notes or address.
            let keysChanged = try Self.keyColumns(db, seq: stored.seq) != ContactColumns.keyColumns(details)
            if keysChanged { try Self.deleteKeys(db, seq: stored.seq) }
            try db.cachedStatement(sql: ContactColumns.updateSQL).execute(arguments: StatementArguments(values))
            if keysChanged { try Self.insertKeys(db, seq: stored.seq, details: details) }
            try Self.appendOutbox(db, event, at: now)
            try AccessAuditEntry.record(db, context, what: "contatto \(id): modifica", at: now)
            return contact
        }
    }

    /// One contact by id, or by codice fiscale (whole, any case, spaces ignored). A merged
    /// contact is returned as it is, with `mergedInto` set.
    public func contact(_ reference: String, context: AccessContext) throws -> StoredContact {
        try Self.checkPurpose(context)
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        let found: StoredContact? = try writer.read { db in
            if let id = ContactID(trimmed) { return try Self.storedContact(db, id: id) }
            let code = CodiceFiscaleNormalizer.normalize(trimmed)
            guard let id = try Self.contactID(db, fiscalCode: code) else { return nil }
            return try Self.storedContact(db, id: id)
        }
        guard let found else { throw ContactStoreError.notFound(trimmed) }
        try recordLightAccess(context, what: "contatto \(found.contact.id): consultazione")
        return found
    }

    /// Every contact, oldest first, merged ones included (for export and backups of the
    /// registry). Reads in one snapshot and calls `body` per contact, so a million contacts
    /// never sit in memory at once.
    public func forEachContact(context: AccessContext, _ body: (StoredContact) throws -> Void) throws -> Int {
        try Self.checkPurpose(context)
        var count = 0
        try writer.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT \(ContactColumns.selectColumns) FROM contact ORDER BY seq")
            while let row = try rows.next() {
                try body(ContactColumns.contact(from: row))
                count += 1
            }
        }
        try recordLightAccess(context, what: "anagrafica: esportazione di \(count) contatti")
        return count
    }

    /// How many contacts the registry holds (merged ones excluded). Not personal data.
    public func contactCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM contact WHERE merged_into IS NULL") ?? 0 }
    }

    // MARK: - inside transactions

    static func acceptedDetails(_ validation: ContactValidation) throws -> ContactDetails {
        guard let details = validation.details, validation.isValid else {
            throw ContactStoreError.invalid(validation.errorMessages)
        }
        if validation.needsConfirmation { throw ContactStoreError.needsConfirmation(validation.warnings) }
        return details
    }

    /// Training never reaches the registry of real people (DESIGN.md: simulation data stays apart).
    static func checkPurpose(_ context: AccessContext) throws {
        if context.purpose == .training { throw ContactStoreError.trainingContext }
    }

    static func insert(_ db: Database, _ contact: Contact) throws {
        try db.cachedStatement(sql: ContactColumns.insertSQL).execute(arguments: ContactColumns.insertArguments(contact))
        try insertKeys(db, seq: db.lastInsertedRowID, details: contact.details)
    }

    static func insertKeys(_ db: Database, seq: Int64, details: ContactDetails) throws {
        let keys = ContactColumns.nameKeys(details)
        let nameStatement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO contact_name_key (key, contact_seq, keys) VALUES (?, ?, ?)")
        for key in keys.split(separator: " ") {
            try nameStatement.execute(arguments: [String(key), seq, keys])
        }
        let phoneStatement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO contact_phone_key (reversed, contact_seq) VALUES (?, ?)")
        for phone in details.phones { try phoneStatement.execute(arguments: [phone.reversedDigitsKey, seq]) }
        let emailStatement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO contact_email_key (key, contact_seq) VALUES (?, ?)")
        for email in details.emails { try emailStatement.execute(arguments: [email.searchKey, seq]) }
    }

    /// The key columns as stored in a contact's row (what its key rows were built from).
    static func keyColumns(_ db: Database, seq: Int64) throws -> [String]? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT name_keys, phone_keys, email_keys FROM contact WHERE seq = ?"),
                         arguments: [seq]).map { row in [row[0], row[1], row[2]] }
    }

    /// Removes a contact's rows from the key tables, found through the key columns of its
    /// row (call it before the row's keys change).
    static func deleteKeys(_ db: Database, seq: Int64) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT name_keys, phone_keys, email_keys FROM contact WHERE seq = ?", arguments: [seq]) else { return }
        let names: String = row[0], phones: String = row[1], emails: String = row[2]
        for key in names.split(separator: " ") {
            try db.execute(sql: "DELETE FROM contact_name_key WHERE key = ? AND contact_seq = ?", arguments: [String(key), seq])
        }
        for key in phones.split(separator: " ") {
            try db.execute(sql: "DELETE FROM contact_phone_key WHERE reversed = ? AND contact_seq = ?", arguments: [String(key), seq])
        }
        for key in emails.split(separator: " ") {
            try db.execute(sql: "DELETE FROM contact_email_key WHERE key = ? AND contact_seq = ?", arguments: [String(key), seq])
        }
    }

    static func storedContact(_ db: Database, id: ContactID) throws -> StoredContact? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(ContactColumns.selectColumns) FROM contact WHERE id = ?"),
                         arguments: [id.rawValue]).map(ContactColumns.contact(from:))
    }

    static func storedContact(_ db: Database, seq: Int64) throws -> StoredContact? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(ContactColumns.selectColumns) FROM contact WHERE seq = ?"),
                         arguments: [seq]).map(ContactColumns.contact(from:))
    }

    /// The contact holding a codice fiscale (not a merged one), if any.
    static func contactID(_ db: Database, fiscalCode code: String) throws -> ContactID? {
        try String.fetchOne(db.cachedStatement(
            sql: "SELECT id FROM contact WHERE fiscal_code = ? AND merged_into IS NULL ORDER BY seq LIMIT 1"),
            arguments: [code.uppercased()]).flatMap { ContactID($0) }
    }

    static func appendOutbox(_ db: Database, _ event: ContactEvent, at now: Date) throws {
        try OutboxEvent.appendJSON(db, type: event.type, payloadVersion: ContactEvent.payloadVersion,
                                   json: String(decoding: try event.payload(), as: UTF8.self), at: now)
    }

    /// Audit of a read: its own small transaction, committed without waiting for the disk
    /// (`synchronous = NORMAL` for that commit only). A read is answered per keystroke, and a
    /// synced commit would cost more than the search; a crash of the program loses nothing,
    /// a power cut may lose the last read audits (never a change: those commit FULL with the
    /// change itself).
    func recordLightAccess(_ context: AccessContext, what: String) throws {
        let now = clock.now()
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            defer { try? db.execute(sql: "PRAGMA synchronous = FULL") }
            try db.inTransaction(.immediate) {
                try AccessAuditEntry.record(db, context, what: what, at: now)
                return .commit
            }
        }
    }
}
