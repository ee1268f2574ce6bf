/// Which CSV column holds which contact field, from the header row.
///
/// Header names are compared folded (case, accents), with spaces, dots, hyphens and other
/// punctuation read as `_` ("Data di nascita", "DATA_NASCITA" and "data-nascita" are the
/// same). Italian and English names are accepted; the full table is in docs/CONTACTS.md.
/// Phone and e-mail columns may repeat with a number ("telefono2", "Telefono 3",
/// "cellulare", "email_2", "pec"): their values are kept in column order, the first being
/// the preferred one. Unknown columns are ignored and listed.
public struct ContactCSVMapping: Hashable, Sendable {
    /// Field of each recognised column (0-based index).
    public let fields: [Int: ContactField]
    /// Header names of ignored columns, as written.
    public let ignoredHeaders: [String]
    public let columnCount: Int

    static let aliases: [ContactField: [String]] = [
        .fiscalCode: ["codice_fiscale", "codicefiscale", "cod_fiscale", "cf", "c_f", "tax_code", "taxcode", "fiscal_code"],
        .surname: ["cognome", "surname", "last_name", "lastname", "family_name"],
        .name: ["nome", "name", "first_name", "firstname", "given_name"],
        .sex: ["sesso", "sex", "gender", "genere"],
        .birthDate: ["data_nascita", "data_di_nascita", "nato_il", "nata_il", "birth_date", "birthdate", "date_of_birth", "dob"],
        .birthPlace: ["luogo_nascita", "luogo_di_nascita", "comune_nascita", "comune_di_nascita", "nato_a", "nata_a", "birth_place", "birthplace", "place_of_birth"],
        .citizenship: ["cittadinanza", "nazionalita", "citizenship", "nationality"],
        .street: ["indirizzo", "via", "residenza", "indirizzo_residenza", "address", "street"],
        .streetNumber: ["civico", "numero_civico", "n_civico", "numero", "house_number", "street_number", "number"],
        .cap: ["cap", "c_a_p", "postal_code", "postcode", "zip", "zip_code"],
        .comune: ["comune", "comune_residenza", "comune_di_residenza", "citta", "localita", "city", "town", "municipality"],
        .province: ["provincia", "prov", "pr", "province"],
        .phones: ["telefono", "tel", "cellulare", "cell", "telefono_fisso", "telefono_cellulare", "numero_telefono", "recapito_telefonico", "phone", "telephone", "mobile", "phone_number"],
        .emails: ["email", "e_mail", "mail", "pec", "posta_elettronica", "indirizzo_email", "email_address"],
        .preferredChannel: ["canale_preferito", "canale", "preferred_channel", "channel"],
        .consentPrivacy: ["consenso_privacy", "privacy", "informativa_privacy", "informativa", "privacy_consent", "consent_privacy"],
        .consentSMS: ["consenso_sms", "sms", "sms_consent", "consent_sms"],
        .consentEmail: ["consenso_email", "consenso_e_mail", "email_consent", "consent_email"],
        .documentKind: ["documento_tipo", "tipo_documento", "documento", "document_type", "id_type"],
        .documentNumber: ["documento_numero", "numero_documento", "n_documento", "document_number", "id_number"],
        .documentIssuer: ["documento_ente", "ente_rilascio", "rilasciato_da", "documento_rilasciato_da", "document_issuer", "issued_by"],
        .documentExpiry: ["documento_scadenza", "scadenza_documento", "scadenza", "document_expiry", "expiry_date"],
        .notes: ["note", "annotazioni", "commenti", "notes", "comments"],
    ]

    private static let fieldByAlias: [String: ContactField] = {
        var table: [String: ContactField] = [:]
        for (field, names) in aliases { for name in names { table[name] = field } }
        return table
    }()

    /// Fields that may come from several columns.
    static let repeatable: Set<ContactField> = [.phones, .emails]

    /// "Data di Nascita" → "data_di_nascita".
    public static func normalizedHeader(_ header: String) -> String {
        SearchText.fold(header)
            .split { !($0.isLetter || $0.isNumber) }
            .joined(separator: "_")
    }

    /// The field a header names, or nil.
    public static func field(forHeader header: String) -> ContactField? {
        let key = normalizedHeader(header)
        if let field = fieldByAlias[key] { return field }
        // Numbered phone and e-mail columns: "telefono2", "telefono_2", "email 3".
        var base = Substring(key)
        while let last = base.last, last.isNumber { base = base.dropLast() }
        while base.last == "_" { base = base.dropLast() }
        guard base.count < key.count, let field = fieldByAlias[String(base)], repeatable.contains(field) else { return nil }
        return field
    }

    public init(header: CSVRecord) throws(CSVError) {
        var fields: [Int: ContactField] = [:]
        var ignored: [String] = []
        var columnsByName: [String: [Int]] = [:]
        var columnsByField: [ContactField: [Int]] = [:]
        for (index, raw) in header.fields.enumerated() {
            let name = Self.normalizedHeader(raw)
            guard !name.isEmpty else { continue }
            columnsByName[name, default: []].append(index + 1)
            if let field = Self.field(forHeader: raw) {
                fields[index] = field
                columnsByField[field, default: []].append(index + 1)
            } else {
                ignored.append(raw.trimmed)
            }
        }
        if let (_, columns) = columnsByName.filter({ $0.value.count > 1 }).min(by: { $0.value[0] < $1.value[0] }) {
            throw .duplicatedHeader(name: header.fields[columns[0] - 1].trimmed, columns: columns)
        }
        if let (field, columns) = columnsByField.filter({ $0.value.count > 1 && !Self.repeatable.contains($0.key) })
            .min(by: { $0.value[0] < $1.value[0] }) {
            throw .sameFieldTwice(field: field.label, columns: columns)
        }
        guard columnsByField[.surname] != nil, columnsByField[.name] != nil else {
            throw .missingNameColumns(found: header.fields.map(\.trimmed).filter { !$0.isEmpty })
        }
        self.fields = fields
        self.ignoredHeaders = ignored
        self.columnCount = header.fields.count
    }

    /// The draft of a data row, or why the row cannot even be read.
    public func draft(from record: CSVRecord) -> Result<ContactDraft, ContactImportRejection> {
        if let problem = record.problem {
            return .failure(ContactImportRejection(line: record.line, reason: problem.description))
        }
        let extra = record.fields.dropFirst(columnCount)
        if record.fields.count < columnCount || extra.contains(where: { !$0.trimmed.isEmpty }) {
            return .failure(ContactImportRejection(
                line: record.line,
                reason: "la riga ha \(record.fields.count) campi invece di \(columnCount) come l'intestazione"))
        }
        var draft = ContactDraft()
        for (index, field) in fields.sorted(by: { $0.key < $1.key }) {
            draft.set(field, to: record.fields[index])
        }
        return .success(draft)
    }
}
