extension ContactDraft {
    /// Sets a field from text, as a CSV column or a generic form field gives it. Phones and
    /// e-mails are appended (several columns may hold them).
    public mutating func set(_ field: ContactField, to value: String) {
        switch field {
        case .fiscalCode: fiscalCode = value
        case .surname: surname = value
        case .name: name = value
        case .sex: sex = value
        case .birthDate: birthDate = value
        case .birthPlace: birthPlace = value
        case .citizenship: citizenship = value
        case .street: street = value
        case .streetNumber: streetNumber = value
        case .cap: cap = value
        case .comune: comune = value
        case .province: province = value
        case .phones: phones.append(value)
        case .emails: emails.append(value)
        case .preferredChannel: preferredChannel = value
        case .consentPrivacy: consentPrivacy = value
        case .consentSMS: consentSMS = value
        case .consentEmail: consentEmail = value
        case .documentKind: documentKind = value
        case .documentNumber: documentNumber = value
        case .documentIssuer: documentIssuer = value
        case .documentExpiry: documentExpiry = value
        case .notes: notes = value
        }
    }
}
