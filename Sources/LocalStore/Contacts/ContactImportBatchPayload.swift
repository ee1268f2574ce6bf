/// Payload of the `contact.imported` outbox event (version 1): one event per batch of up
/// to `AppDatabase.contactImportBatchSize` contacts created by one import. It names the
/// contacts instead of carrying them: the sync engine reads each contact's current row when
/// it sends the batch (contacts are never deleted; a merge keeps both rows), so a million
/// imported contacts do not store their data twice.
struct ContactImportBatchPayload: Encodable {
    let importID: String
    let batch: Int
    let contacts: [String]
    let importedBy: String
    let station: String
    let source: String

    enum CodingKeys: String, CodingKey {
        case batch, contacts, station, source
        case importID = "import_id"
        case importedBy = "imported_by"
    }

    static let type = "contact.imported"
    static let version = 1
}
