import CruscottoModel
import Foundation
import LocalStore

/// The card of a contact: identity with the state of its codice fiscale, address, preferred
/// contact, consents, documents seen (an expired one in evidence), open items and history;
/// and the short form of it the citizen panel shows.
public enum ContactCardView {
    /// The state of the codice fiscale against the personal data, as the card says it.
    public static func fiscalCodeState(_ details: ContactDetails, today: CivilDate) -> (text: String, style: Style) {
        guard let code = details.fiscalCode else { return ("senza codice fiscale", .dim) }
        let checker = CodiceFiscaleChecker(reference: today)
        if checker.problem(with: code) != nil { return ("CF non valido", .error) }
        let differences = checker.mismatches(code: code, surname: details.surname, name: details.name, sex: details.sex,
                                             birthDate: details.birthDate, birthPlace: details.birthPlace)
        return differences.isEmpty ? ("CF corretto", .ok) : ("CF non coerente", .warning)
    }

    static func today(_ now: Date) -> CivilDate {
        CivilDate(now, timeZone: ItalianTime.calendar.timeZone)
    }

    /// "30/11/2026 10:41"
    static func dayAndTime(_ date: Date) -> String {
        String(ItalianTime.headerText(date).dropFirst(4))
    }

    static func birthLine(_ details: ContactDetails) -> String {
        var parts: [String] = []
        let born = details.sex == .female ? "nata" : "nato"
        if let birthDate = details.birthDate {
            parts.append(details.birthPlace.isEmpty ? "\(born) il \(birthDate.italian)" : "\(born) il \(birthDate.italian) a \(details.birthPlace)")
        } else if !details.birthPlace.isEmpty {
            parts.append("\(born) a \(details.birthPlace)")
        } else {
            parts.append("data e luogo di nascita non indicati")
        }
        if !details.citizenship.isEmpty { parts.append("cittadinanza \(details.citizenship)") }
        return parts.joined(separator: " · ")
    }

    static func addressLine(_ address: PostalAddress) -> String {
        guard !address.isEmpty else { return "Indirizzo non indicato" }
        let street = [address.street, address.number].filter { !$0.isEmpty }.joined(separator: " ")
        var place = [address.cap, address.comune].filter { !$0.isEmpty }.joined(separator: " ")
        if !address.province.isEmpty { place += " (\(address.province))" }
        return [street, place].filter { !$0.isEmpty }.joined(separator: ", ")
    }

    static func contactLine(_ details: ContactDetails) -> String {
        var parts: [String] = []
        let preferred = details.preferredChannel
        for (index, phone) in details.phones.enumerated() {
            let mark = index == 0 && (preferred == .phoneCall || preferred == .sms) ? " (preferito, \(preferred.label))" : ""
            parts.append(phone.formatted + mark)
        }
        for (index, email) in details.emails.enumerated() {
            let mark = index == 0 && preferred == .email ? " (preferito)" : ""
            parts.append(email.value + mark)
        }
        if preferred == .post { parts.append("preferisce la posta ordinaria") }
        return parts.isEmpty ? "Nessun recapito" : parts.joined(separator: "  ")
    }

    static func consentLine(_ details: ContactDetails) -> String {
        let shortLabels: [Consent.Kind: String] = [.privacyNotice: "informativa", .sms: "SMS", .email: "e-mail"]
        let parts = Consent.Kind.allCases.map { kind -> String in
            guard let consent = details.consent(kind) else { return "\(shortLabels[kind] ?? "") mai chiesto" }
            return "\(shortLabels[kind] ?? "") \(consent.answerText)"
        }
        return "Consensi: " + parts.joined(separator: " · ")
    }

    static func shortKind(_ kind: IdentityDocument.Kind) -> String {
        switch kind {
        case .electronicIdentityCard: "CIE"
        case .paperIdentityCard: "carta d'identità"
        case .passport: "passaporto"
        case .drivingLicence: "patente"
        case .residencePermit: "permesso di soggiorno"
        case .other: "documento"
        }
    }

    static func documentLines(_ details: ContactDetails, today: CivilDate) -> [ContactCardLine] {
        guard !details.documents.isEmpty else { return [ContactCardLine("Documenti visti: nessuno", .dim)] }
        return details.documents.map { document in
            let text = "\(shortKind(document.kind)) \(document.number)" + (document.issuer.isEmpty ? "" : " · \(document.issuer)")
            guard let expiry = document.expiresOn else { return ContactCardLine(text, right: "senza scadenza") }
            if document.isExpired(on: today) {
                return ContactCardLine(text, right: "SCADUTO il \(expiry.italian)", rightStyle: .error)
            }
            return ContactCardLine(text, right: "scade il \(expiry.italian)")
        }
    }

    /// Phones and e-mails on lines of their own (the full card has the room).
    static func contactLines(_ details: ContactDetails) -> [ContactCardLine] {
        let preferred = details.preferredChannel
        var lines: [ContactCardLine] = []
        if !details.phones.isEmpty {
            let mark = preferred == .phoneCall || preferred == .sms ? " (preferito, \(preferred.label))" : ""
            lines.append(ContactCardLine("Tel. " + details.phones.map(\.formatted).joined(separator: ", ") + mark))
        }
        if !details.emails.isEmpty {
            let mark = preferred == .email ? " (preferito)" : ""
            lines.append(ContactCardLine("E-mail " + details.emails.map(\.value).joined(separator: ", ") + mark))
        }
        if preferred == .post { lines.append(ContactCardLine("Preferisce la posta ordinaria")) }
        return lines.isEmpty ? [ContactCardLine("Nessun recapito", .dim)] : lines
    }

    /// The card's lines above the history.
    public static func lines(_ card: ContactCard, now: Date, compact: Bool = false) -> [ContactCardLine] {
        let details = card.contact.details
        let today = today(now)
        let state = fiscalCodeState(details, today: today)
        var lines = [
            ContactCardLine(ContactSearchRow(card.contact).displayName, .title,
                            right: [details.fiscalCode ?? "", state.text].filter { !$0.isEmpty }.joined(separator: "  "),
                            rightStyle: state.style),
            ContactCardLine(birthLine(details)),
            ContactCardLine(addressLine(details.address)),
        ]
        lines += compact ? [ContactCardLine(contactLine(details))] : contactLines(details)
        lines.append(ContactCardLine(consentLine(details)))
        lines += documentLines(details, today: today)
        // Applications, intakes and certificates are written into the history as they are
        // made; none is open until those capabilities record one.
        let visit = card.contact.lastVisitAt.map { "ultima visita \(dayAndTime($0).prefix(10))" } ?? "nessuna visita registrata"
        lines.append(ContactCardLine("Pratiche aperte: nessuna · \(visit)"))
        if !details.notes.isEmpty { lines.append(ContactCardLine("Note: \(details.notes)", .dim)) }
        return lines
    }

    static func historyLine(_ entry: ContactHistoryEntry) -> String {
        var parts = [dayAndTime(entry.at), entry.kind.label]
        if !entry.reference.isEmpty { parts.append(entry.reference) }
        if !entry.summary.isEmpty { parts.append(entry.summary) }
        parts.append("(\(entry.operatorUsername))")
        return parts.joined(separator: "  ")
    }

    /// The whole card inside `inner`: details, then the history from `historyOffset`.
    public static func draw(into buffer: inout ScreenBuffer, _ inner: Rect, card: ContactCard, access: ContactAccess?,
                            historyOffset: Int, now: Date) {
        var y = inner.y
        let width = inner.width - 2
        for line in lines(card, now: now) {
            // Long lines wrap: the card never hides the end of a consent or an address.
            let parts = line.right.isEmpty ? TextWrap.lines(line.text, width: width - 2) : [line.text]
            for (index, part) in parts.enumerated() where y < inner.maxY {
                var piece = line
                piece.text = index == 0 ? part : "  " + part
                write(piece, into: &buffer, x: inner.x + 1, y: y, width: width)
                y += 1
            }
        }
        if let access, y < inner.maxY {
            buffer.write("Motivo dell'accesso: \(access.label)", x: inner.x + 1, y: y, maxWidth: width, style: .dim)
            y += 1
        }
        guard y < inner.maxY else { return }
        let title = card.history.isEmpty ? "Storico" : "Storico (\(card.history.count), dal più recente)"
        buffer.write("── " + title + " " + String(repeating: "─", count: max(0, width)), x: inner.x + 1, y: y, maxWidth: width, style: .border)
        y += 1
        guard !card.history.isEmpty else {
            if y < inner.maxY { buffer.write("Nessuna interazione registrata.", x: inner.x + 1, y: y, maxWidth: width, style: .dim) }
            return
        }
        let visible = max(0, inner.maxY - y)
        let entries = card.history.dropFirst(historyOffset).prefix(visible)
        for entry in entries {
            buffer.write(historyLine(entry), x: inner.x + 1, y: y, maxWidth: width)
            y += 1
        }
    }

    /// The citizen panel once a card has been opened: name and codice fiscale state,
    /// birth, address, contacts, and a line about the history.
    public static func drawSummary(into buffer: inout ScreenBuffer, _ inner: Rect, card: ContactCard, now: Date) {
        let all = lines(card, now: now, compact: true)
        var summary = Array(all.prefix(4))
        let expired = all.filter { $0.rightStyle == .error && $0.right.hasPrefix("SCADUTO") }
        summary += expired.prefix(1)
        let last = card.history.first.map { "ultimo contatto \(dayAndTime($0.at).prefix(10))" } ?? "nessuna interazione"
        summary.append(ContactCardLine("Storico: \(card.history.count) · \(last)", .dim))
        var y = inner.y
        for line in summary where y < inner.maxY {
            write(line, into: &buffer, x: inner.x + 1, y: y, width: inner.width - 2)
            y += 1
        }
    }

    static func write(_ line: ContactCardLine, into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int) {
        guard width > 0 else { return }
        let rightWidth = DisplayWidth.of(line.right)
        if !line.right.isEmpty, rightWidth + 2 < width {
            buffer.write(line.text, x: x, y: y, maxWidth: width - rightWidth - 2, style: line.style)
            buffer.write(line.right, x: x + width - rightWidth, y: y, maxWidth: rightWidth, style: line.rightStyle)
        } else {
            buffer.write(line.text, x: x, y: y, maxWidth: width, style: line.style)
        }
    }
}
