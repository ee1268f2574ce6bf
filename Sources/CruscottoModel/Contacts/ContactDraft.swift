import Foundation

/// A contact as typed (edit form) or read (CSV row): every field is text until validated.
public struct ContactDraft: Hashable, Sendable, Codable {
    public var fiscalCode = ""
    public var surname = ""
    public var name = ""
    public var sex = ""
    public var birthDate = ""
    public var birthPlace = ""
    public var citizenship = ""
    public var street = ""
    public var streetNumber = ""
    public var cap = ""
    public var comune = ""
    public var province = ""
    /// In order of preference; empty entries are ignored.
    public var phones: [String] = []
    public var emails: [String] = []
    public var preferredChannel = ""
    /// Answers in the grammar of `Consent.parse`.
    public var consentPrivacy = ""
    public var consentSMS = ""
    public var consentEmail = ""
    /// The document being recorded now (ignored when kind and number are both empty).
    public var documentKind = ""
    public var documentNumber = ""
    public var documentIssuer = ""
    public var documentExpiry = ""
    /// Documents recorded earlier, kept as they are.
    public var otherDocuments: [IdentityDocument] = []
    public var notes = ""
    /// The operator has seen the codice fiscale mismatch and confirmed the data.
    public var warningsConfirmed = false

    public init() {}

    /// A draft for editing an existing contact; validating it unchanged gives back the same details.
    public init(editing details: ContactDetails) {
        fiscalCode = details.fiscalCode ?? ""
        surname = details.surname
        name = details.name
        sex = details.sex?.rawValue ?? ""
        birthDate = details.birthDate?.italian ?? ""
        birthPlace = details.birthPlace
        citizenship = details.citizenship
        street = details.address.street
        streetNumber = details.address.number
        cap = details.address.cap
        comune = details.address.comune
        province = details.address.province
        phones = details.phones.map(\.e164)
        emails = details.emails.map(\.value)
        preferredChannel = details.preferredChannel.rawValue
        consentPrivacy = details.consent(.privacyNotice)?.answerText ?? ""
        consentSMS = details.consent(.sms)?.answerText ?? ""
        consentEmail = details.consent(.email)?.answerText ?? ""
        otherDocuments = details.documents
        notes = details.notes
    }

    public subscript(consent kind: Consent.Kind) -> String {
        get {
            switch kind {
            case .privacyNotice: consentPrivacy
            case .sms: consentSMS
            case .email: consentEmail
            }
        }
        set {
            switch kind {
            case .privacyNotice: consentPrivacy = newValue
            case .sms: consentSMS = newValue
            case .email: consentEmail = newValue
            }
        }
    }

    /// Validates and normalises every field. `today` is the office day (for birth dates in
    /// the future, consents answered now and expired documents); `fiscalCodes` is the
    /// codice fiscale module; `postalCodes`, when given, checks that CAP and comune agree
    /// (a warning only).
    public func validated(
        today: CivilDate, fiscalCodes: any FiscalCodeChecking, postalCodes: (any PostalCodeDirectory)? = nil
    ) -> ContactValidation {
        var errors: [ContactField: String] = [:]
        var warnings: [ContactWarning] = []

        let surname = Self.cleanName(self.surname)
        let name = Self.cleanName(self.name)
        for (field, value) in [(ContactField.surname, surname), (.name, name)] {
            if value.isEmpty {
                errors[field] = "obbligatorio"
            } else if value.count > 100 {
                errors[field] = "troppo lungo (al massimo 100 caratteri)"
            } else if !Self.isNameText(value) {
                errors[field] = "sono ammesse solo lettere, spazi, apostrofi e trattini"
            }
        }

        var sex: Sex?
        if !self.sex.trimmed.isEmpty {
            sex = Sex(parsing: self.sex)
            if sex == nil { errors[.sex] = "indicare M o F" }
        }

        var birthDate: CivilDate?
        if !self.birthDate.trimmed.isEmpty {
            if let day = CivilDate(parsing: self.birthDate) {
                if day > today {
                    errors[.birthDate] = "è nel futuro"
                } else if day.year < 1880 {
                    errors[.birthDate] = "anno non plausibile"
                } else {
                    birthDate = day
                }
            } else {
                errors[.birthDate] = "data non valida: usare GG/MM/AAAA"
            }
        }

        let birthPlace = Self.cleanText(self.birthPlace)
        var fiscalCode: String?
        let typedCode = CodiceFiscaleNormalizer.normalize(self.fiscalCode)
        if !typedCode.isEmpty {
            if let problem = fiscalCodes.problem(with: typedCode) {
                errors[.fiscalCode] = problem
            } else {
                fiscalCode = typedCode
                if errors[.birthDate] == nil && errors[.sex] == nil {
                    let differences = fiscalCodes.mismatches(
                        code: typedCode, surname: surname, name: name, sex: sex, birthDate: birthDate, birthPlace: birthPlace)
                    if !differences.isEmpty { warnings.append(.fiscalCodeMismatch(differences)) }
                }
            }
        }

        let cap = self.cap.trimmed
        if !cap.isEmpty && !(cap.count == 5 && cap.allSatisfy(\.isASCIIDigit)) {
            errors[.cap] = "il CAP è di 5 cifre"
        }
        let province = self.province.trimmed.uppercased()
        if !province.isEmpty && !(province.count == 2 && province.allSatisfy { $0.isASCII && $0.isLetter }) {
            errors[.province] = "la sigla della provincia è di 2 lettere"
        }

        var phones: [PhoneNumber] = []
        for (index, text) in self.phones.enumerated() where !text.trimmed.isEmpty {
            switch PhoneNumber.parse(text) {
            case .success(let number):
                if !phones.contains(number) { phones.append(number) }
            case .failure(let problem):
                if errors[.phones] == nil { errors[.phones] = Self.ordinal(index, of: self.phones) + "\(problem) («\(text.trimmed)»)" }
            }
        }
        var emails: [EmailAddress] = []
        for (index, text) in self.emails.enumerated() where !text.trimmed.isEmpty {
            switch EmailAddress.parse(text) {
            case .success(let email):
                if !emails.contains(where: { $0.searchKey == email.searchKey }) { emails.append(email) }
            case .failure(let problem):
                if errors[.emails] == nil { errors[.emails] = Self.ordinal(index, of: self.emails) + "\(problem) («\(text.trimmed)»)" }
            }
        }

        var preferredChannel = PreferredChannel.none
        if let channel = PreferredChannel(parsing: self.preferredChannel) {
            preferredChannel = channel
            let needsPhone = channel == .phoneCall || channel == .sms
            if needsPhone && phones.isEmpty && errors[.phones] == nil {
                errors[.preferredChannel] = "manca un numero di telefono per il canale scelto"
            } else if channel == .email && emails.isEmpty && errors[.emails] == nil {
                errors[.preferredChannel] = "manca un indirizzo e-mail per il canale scelto"
            }
        } else {
            errors[.preferredChannel] = "canale non riconosciuto: telefono, SMS, e-mail, posta o nessuno"
        }

        var consents: [Consent] = []
        for kind in Consent.Kind.allCases {
            switch Consent.parse(self[consent: kind], kind: kind, today: today) {
            case .success(let consent?):
                if consent.recordedOn > today {
                    errors[.consent(kind)] = "la data del consenso è nel futuro"
                } else {
                    consents.append(consent)
                }
            case .success(nil):
                break
            case .failure(let problem):
                errors[.consent(kind)] = problem.message
            }
        }

        var documents = otherDocuments
        let documentNumber = self.documentNumber.filter { !$0.isWhitespace }.uppercased()
        if !documentKind.trimmed.isEmpty || !documentNumber.isEmpty {
            let kind = IdentityDocument.Kind(parsing: documentKind)
            if kind == nil { errors[.documentKind] = "tipo non riconosciuto: CIE, carta d'identità, passaporto, patente, permesso di soggiorno o altro" }
            if documentNumber.isEmpty { errors[.documentNumber] = "obbligatorio se si indica un documento" }
            var expiry: CivilDate?
            if !documentExpiry.trimmed.isEmpty {
                expiry = CivilDate(parsing: documentExpiry)
                if expiry == nil { errors[.documentExpiry] = "data non valida: usare GG/MM/AAAA" }
            }
            if let kind, !documentNumber.isEmpty, errors[.documentExpiry] == nil {
                let document = IdentityDocument(kind: kind, number: documentNumber, issuer: Self.cleanText(documentIssuer), expiresOn: expiry)
                documents.removeAll { $0.kind == kind && $0.number == documentNumber }
                documents.append(document)
                if document.isExpired(on: today) { warnings.append(.documentExpired(document)) }
            }
        }

        let address = PostalAddress(
            street: Self.cleanText(street), number: streetNumber.trimmed, cap: cap,
            comune: Self.cleanText(comune), province: province)
        if errors[.cap] == nil, let postalCodes, let warning = address.capWarning(in: postalCodes) {
            warnings.append(warning)
        }

        let needsConfirmation = !warnings.isEmpty && !warningsConfirmed
        guard errors.isEmpty else {
            return ContactValidation(details: nil, errors: errors, warnings: warnings, needsConfirmation: needsConfirmation)
        }
        let details = ContactDetails(
            fiscalCode: fiscalCode, surname: surname, name: name, sex: sex, birthDate: birthDate,
            birthPlace: birthPlace, citizenship: Self.cleanText(citizenship),
            address: address,
            phones: phones, emails: emails, preferredChannel: preferredChannel,
            consents: consents, documents: documents, notes: notes.trimmed)
        return ContactValidation(details: details, errors: [:], warnings: warnings, needsConfirmation: needsConfirmation)
    }

    /// Trims and collapses inner runs of spaces; keeps the case as typed.
    static func cleanText(_ text: String) -> String {
        // Fast path: plain ASCII with single inner spaces is already clean.
        var previous: UInt8 = 0x20
        var clean = true
        for byte in text.utf8 {
            if byte >= 0x80 || byte < 0x20 || (byte == 0x20 && previous == 0x20) { clean = false; break }
            previous = byte
        }
        if clean && previous != 0x20 { return text }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Names also get typographic apostrophes straightened.
    static func cleanName(_ text: String) -> String {
        let cleaned = cleanText(text)
        guard cleaned.utf8.contains(0xE2) else { return cleaned } // lead byte of U+2019
        return cleaned.replacingOccurrences(of: "’", with: "'")
    }

    /// Letters (also with combining accents), spaces, apostrophes, hyphens and dots.
    static func isNameText(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            if value < 0x80 {
                return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
                    || value == 0x20 || value == 0x27 || value == 0x2D || value == 0x2E
            }
            return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
        }
    }

    private static func ordinal(_ index: Int, of values: [String]) -> String {
        values.filter { !$0.trimmed.isEmpty }.count > 1 ? "\(index + 1)° valore: " : ""
    }
}
