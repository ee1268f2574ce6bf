import CruscottoModel
import Foundation
import GRDB

extension AppDatabase {
    /// Contacts that are probably the same person as `details` (`ContactDuplicateRule`):
    /// looked up by codice fiscale, omocodia base, surname + name + birth date, phone and
    /// e-mail through their indexes. Use before creating a contact and to list merge candidates.
    public func probableDuplicates(of details: ContactDetails, excluding id: ContactID? = nil, context: AccessContext) throws -> [ContactDuplicateCandidate] {
        try Self.checkPurpose(context)
        let facts = ContactDuplicateFacts(details)
        let found: [ContactDuplicateCandidate] = try writer.read { db in
            var seqs: [Int64] = []
            func add(_ sql: String, _ arguments: StatementArguments) throws {
                seqs += try Int64.fetchAll(db, sql: sql + " LIMIT 50", arguments: arguments)
            }
            if let code = facts.fiscalCode { try add("SELECT seq FROM contact WHERE fiscal_code = ?", [code]) }
            if let base = facts.fiscalCodeBase { try add("SELECT seq FROM contact WHERE fiscal_code_base = ?", [base]) }
            if let key = ContactDuplicateRule.nameAndBirthKey(facts) { try add("SELECT seq FROM contact WHERE duplicate_key = ?", [key]) }
            for phone in details.phones { try add("SELECT contact_seq FROM contact_phone_key WHERE reversed = ?", [phone.reversedDigitsKey]) }
            for email in details.emails { try add("SELECT contact_seq FROM contact_email_key WHERE key = ?", [email.searchKey]) }
            var seen = Set<Int64>()
            var result: [ContactDuplicateCandidate] = []
            for seq in seqs where seen.insert(seq).inserted {
                guard let stored = try Self.storedContact(db, seq: seq), stored.mergedInto == nil,
                      stored.contact.id != id else { continue }
                let reasons = ContactDuplicateRule.reasons(facts, ContactDuplicateFacts(stored.contact.details))
                if !reasons.isEmpty { result.append(ContactDuplicateCandidate(contact: stored, reasons: reasons)) }
            }
            return result.sorted { ($0.reasons.first!, $0.contact.seq) < ($1.reasons.first!, $1.contact.seq) }
        }
        if !found.isEmpty {
            try recordLightAccess(context, what: "anagrafica: \(found.count) probabili doppioni di «\(details.surname) \(details.name)»")
        }
        return found
    }

    /// Merges `merged` into `kept`: the merged record stays, marked, out of searches; both
    /// histories stay and read as one from the kept contact; the kept contact's last visit is
    /// the later of the two. Nothing of the details is copied: the operator edits the kept
    /// contact. Recorded in `contact_merge` (who, when, reasons), the outbox and the audit.
    @discardableResult
    public func mergeContacts(keep kept: ContactID, merge merged: ContactID, context: AccessContext) throws -> ContactMergeRecord {
        try Self.checkPurpose(context)
        guard kept != merged else { throw ContactStoreError.sameContact }
        let now = clock.now()
        return try writer.write { db in
            guard let keep = try Self.storedContact(db, id: kept) else { throw ContactStoreError.notFound(kept.rawValue) }
            guard let other = try Self.storedContact(db, id: merged) else { throw ContactStoreError.notFound(merged.rawValue) }
            if let into = keep.mergedInto { throw ContactStoreError.merged(kept, into: into) }
            if let into = other.mergedInto { throw ContactStoreError.merged(merged, into: into) }
            let reasons = ContactDuplicateRule.reasons(ContactDuplicateFacts(keep.contact.details),
                                                       ContactDuplicateFacts(other.contact.details)).map(\.message)
            try Self.deleteKeys(db, seq: other.seq)
            try db.execute(sql: "UPDATE contact SET merged_into = ? WHERE seq = ?", arguments: [kept.rawValue, other.seq])
            if let otherVisit = other.contact.lastVisitAt, keep.contact.lastVisitAt.map({ $0 < otherVisit }) ?? true {
                try db.execute(sql: "UPDATE contact SET last_visit_at = ? WHERE seq = ?",
                               arguments: [StoredInstant.iso(otherVisit), keep.seq])
            }
            let at = StoredInstant.iso(now)
            try db.execute(sql: """
                INSERT INTO contact_merge (kept_id, merged_id, reasons, operator, station, purpose, at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [kept.rawValue, merged.rawValue, reasons.joined(separator: "\n"), context.operatorUsername,
                                 context.stationID, context.purpose.rawValue, at])
            let record = ContactMergeRecord(id: db.lastInsertedRowID, keptID: kept, mergedID: merged, reasons: reasons,
                                            operatorUsername: context.operatorUsername, stationID: context.stationID,
                                            purpose: context.purpose.rawValue, at: ContactInstant.parse(at) ?? now)
            try OutboxEvent.append(db, type: ContactMergePayload.type, payloadVersion: ContactMergePayload.version,
                                   payload: ContactMergePayload(keptID: kept.rawValue, mergedID: merged.rawValue, reasons: reasons,
                                                                operator: context.operatorUsername, station: context.stationID, at: at),
                                   at: now)
            try AccessAuditEntry.record(db, context, what: "contatto \(merged): unito al contatto \(kept)", at: now)
            return record
        }
    }

    /// The merges recorded, newest first.
    public func contactMerges(context: AccessContext, limit: Int = 1000) throws -> [ContactMergeRecord] {
        try Self.checkPurpose(context)
        let records: [ContactMergeRecord] = try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM contact_merge ORDER BY id DESC LIMIT ?", arguments: [limit]).compactMap { row in
                guard let keptID = ContactID(row["kept_id"] as String), let mergedID = ContactID(row["merged_id"] as String) else { return nil }
                let reasons: String = row["reasons"]
                return ContactMergeRecord(
                    id: row["id"], keptID: keptID, mergedID: mergedID,
                    reasons: reasons.isEmpty ? [] : reasons.components(separatedBy: "\n"),
                    operatorUsername: row["operator"], stationID: row["station"], purpose: row["purpose"],
                    at: ContactInstant.parse(row["at"]) ?? Date(timeIntervalSince1970: 0))
            }
        }
        try recordLightAccess(context, what: "anagrafica: elenco delle unioni (\(records.count))")
        return records
    }
}
