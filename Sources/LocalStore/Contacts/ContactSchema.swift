import GRDB

/// Tables and indexes of the contact registry (migration `v2-contacts-history-merges`).
///
/// Search is served by B-trees only (see docs/CONTACTS.md, "Store"): the codice fiscale
/// column, and three `WITHOUT ROWID` key tables whose primary key is the lookup key, so a
/// lookup is one range scan that stops at the candidate limit:
/// - `contact_name_key (key, contact_seq, keys)`: every folded surname and name key of a
///   contact, with all its keys beside it (`keys`, space-led) so that the other words of a
///   query are checked in the same scan, without visiting the contact row;
/// - `contact_phone_key (reversed, contact_seq)`: the E.164 digits reversed: a whole number
///   is an equality, final digits a prefix range;
/// - `contact_email_key (key, contact_seq)`: lower-cased addresses, exact or prefix range.
/// The contact row keeps the same keys as text (`name_keys`, `phone_keys`, `email_keys`),
/// which is what the bulk import rebuilds the key tables from, in key order.
enum ContactSchema {
    static let migrationName = "v2-contacts-history-merges"

    /// Tables without their secondary indexes (also used by the bare-SQLite baseline of the
    /// benchmark, which must end with the same tables and indexes).
    static let tablesSQL = """
        CREATE TABLE contact (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            fiscal_code TEXT,
            fiscal_code_base TEXT,
            surname TEXT NOT NULL,
            name TEXT NOT NULL,
            sex TEXT,
            birth_date TEXT,
            birth_place TEXT NOT NULL DEFAULT '',
            citizenship TEXT NOT NULL DEFAULT '',
            street TEXT NOT NULL DEFAULT '',
            street_number TEXT NOT NULL DEFAULT '',
            cap TEXT NOT NULL DEFAULT '',
            comune TEXT NOT NULL DEFAULT '',
            province TEXT NOT NULL DEFAULT '',
            phones TEXT NOT NULL DEFAULT '',
            emails TEXT NOT NULL DEFAULT '',
            preferred_channel TEXT NOT NULL DEFAULT 'nessuno',
            consents TEXT NOT NULL DEFAULT '',
            documents TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            name_keys TEXT NOT NULL,
            phone_keys TEXT NOT NULL DEFAULT '',
            email_keys TEXT NOT NULL DEFAULT '',
            duplicate_key TEXT,
            import_identity TEXT,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            last_visit_at TEXT,
            merged_into TEXT
        );
        CREATE TABLE contact_name_key (
            key TEXT NOT NULL,
            contact_seq INTEGER NOT NULL,
            keys TEXT NOT NULL,
            PRIMARY KEY (key, contact_seq)
        ) WITHOUT ROWID;
        CREATE TABLE contact_phone_key (
            reversed TEXT NOT NULL,
            contact_seq INTEGER NOT NULL,
            PRIMARY KEY (reversed, contact_seq)
        ) WITHOUT ROWID;
        CREATE TABLE contact_email_key (
            key TEXT NOT NULL,
            contact_seq INTEGER NOT NULL,
            PRIMARY KEY (key, contact_seq)
        ) WITHOUT ROWID;
        """

    /// Secondary indexes of `contact`: dropped by the bulk import and built again at its end.
    static let indexNames = ["contact_by_fiscal_code", "contact_by_fiscal_code_base", "contact_by_duplicate_key",
                             "contact_by_import_identity", "contact_by_merged_into"]

    static let indexesSQL = """
        CREATE INDEX IF NOT EXISTS contact_by_fiscal_code ON contact(fiscal_code) WHERE fiscal_code IS NOT NULL;
        CREATE INDEX IF NOT EXISTS contact_by_fiscal_code_base ON contact(fiscal_code_base) WHERE fiscal_code_base IS NOT NULL;
        CREATE INDEX IF NOT EXISTS contact_by_duplicate_key ON contact(duplicate_key) WHERE duplicate_key IS NOT NULL;
        CREATE UNIQUE INDEX IF NOT EXISTS contact_by_import_identity ON contact(import_identity) WHERE import_identity IS NOT NULL;
        CREATE INDEX IF NOT EXISTS contact_by_merged_into ON contact(merged_into) WHERE merged_into IS NOT NULL;
        """

    static let historyAndMergeSQL = """
        CREATE TABLE contact_history (
            id INTEGER PRIMARY KEY,
            contact_seq INTEGER NOT NULL REFERENCES contact(seq),
            kind TEXT NOT NULL CHECK (kind IN ('ticket','intake','certificate','handoff','notification','phone_call','note')),
            at TEXT NOT NULL,
            local_day TEXT NOT NULL,
            summary TEXT NOT NULL,
            reference TEXT NOT NULL DEFAULT '',
            operator TEXT NOT NULL,
            station TEXT NOT NULL
        );
        CREATE INDEX contact_history_by_contact ON contact_history(contact_seq, at, id);
        CREATE TABLE contact_merge (
            id INTEGER PRIMARY KEY,
            kept_id TEXT NOT NULL,
            merged_id TEXT NOT NULL UNIQUE,
            reasons TEXT NOT NULL,
            operator TEXT NOT NULL,
            station TEXT NOT NULL,
            purpose TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX contact_merge_by_kept ON contact_merge(kept_id);
        """

    static func migrate(_ db: Database) throws {
        try db.execute(sql: tablesSQL)
        try db.execute(sql: indexesSQL)
        try db.execute(sql: historyAndMergeSQL)
    }

    /// Builds the key tables from the key columns of the contacts after `afterSeq`, in key
    /// order (appending to a B-tree in order is much cheaper than inserting at random).
    static func rebuildKeys(_ db: Database, afterSeq: Int64) throws {
        try db.execute(sql: """
            INSERT INTO contact_name_key (key, contact_seq, keys)
            SELECT j.value, c.seq, c.name_keys
            FROM contact c, json_each('["' || replace(trim(c.name_keys), ' ', '","') || '"]') j
            WHERE c.seq > ? AND c.merged_into IS NULL AND j.value <> ''
            ORDER BY 1, 2;
            """, arguments: [afterSeq])
        try db.execute(sql: """
            INSERT INTO contact_phone_key (reversed, contact_seq)
            SELECT DISTINCT j.value, c.seq
            FROM contact c, json_each('["' || replace(c.phone_keys, ' ', '","') || '"]') j
            WHERE c.seq > ? AND c.merged_into IS NULL AND c.phone_keys <> ''
            ORDER BY 1, 2;
            """, arguments: [afterSeq])
        try db.execute(sql: """
            INSERT INTO contact_email_key (key, contact_seq)
            SELECT DISTINCT j.value, c.seq
            FROM contact c, json_each('["' || replace(c.email_keys, ' ', '","') || '"]') j
            WHERE c.seq > ? AND c.merged_into IS NULL AND c.email_keys <> ''
            ORDER BY 1, 2;
            """, arguments: [afterSeq])
    }
}
