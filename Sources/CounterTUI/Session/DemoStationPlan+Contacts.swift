import CruscottoModel

/// The demo registry: a few citizens with valid codici fiscali (computed by the codice fiscale
/// module from their data), addresses in Piacenza, phones, consents, a document (one of them
/// expired) and one deliberate probable duplicate: the first citizen registered a second time
/// without codice fiscale, with the same name, birth date and phone.
extension DemoStationPlan {
    public struct DemoContact: Sendable, Equatable {
        public let draft: ContactDraft
        /// Interactions already in the history: kind and summary, oldest first.
        public let history: [DemoHistory]
    }

    public struct DemoHistory: Sendable, Equatable {
        public let kind: String
        public let summary: String
        public let reference: String
    }

    static let demoContactCount = 8
    static let demoBirthPlaces = ["Piacenza", "Roma", "Milano", "Napoli", "Bologna", "Parma", "Cremona", "Lodi"]
    static let demoStreets = ["Roma", "Garibaldi", "Cavour", "Mazzini", "XX Settembre", "Verdi", "Dante", "Manzoni"]

    /// Drawn after the operators from the same generator, so operators and their passwords stay
    /// as they were.
    static func drawContacts(_ random: inout SeededGenerator, names: ItalianNames, today: CivilDate) -> [DemoContact] {
        var contacts: [DemoContact] = []
        let encoder = CodiceFiscaleEncoder()
        for index in 0..<demoContactCount {
            let female = index % 2 == 1
            guard let first = random.pick(female ? names.femaleFirstNames : names.maleFirstNames),
                  let last = random.pick(names.surnames),
                  let place = random.pick(demoBirthPlaces),
                  let street = random.pick(demoStreets) else { break }
            let year = 1940 + Int(random.next() % 60)
            let month = 1 + Int(random.next() % 12)
            let day = 1 + Int(random.next() % 28)
            guard let birth = CivilDate(year: year, month: month, day: day) else { continue }
            let surname = capitalized(last), name = capitalized(first)
            var draft = ContactDraft()
            draft.surname = surname
            draft.name = name
            draft.sex = female ? "F" : "M"
            draft.birthDate = birth.italian
            draft.birthPlace = place
            draft.citizenship = "italiana"
            let person = CodiceFiscalePerson(surname: surname, name: name, sex: female ? .female : .male, birthDate: birth, birthPlace: place)
            draft.fiscalCode = encoder.encode(person).code ?? ""
            draft.street = "Via \(street)"
            draft.streetNumber = String(1 + random.next() % 120)
            draft.cap = index % 3 == 0 ? "29122" : "29121"
            draft.comune = "Piacenza"
            draft.province = "PC"
            draft.phones = ["333 " + String(1_000_000 + random.next() % 9_000_000)]
            draft.emails = index % 2 == 0 ? ["\(DemoStationPlan.username(first: first, last: last))@example.it"] : []
            draft.preferredChannel = index % 2 == 0 ? "email" : "sms"
            draft.consentPrivacy = "sì 12/03/2025"
            draft.consentSMS = index % 2 == 1 ? "sì 12/03/2025" : ""
            draft.documentKind = index % 4 == 3 ? "carta_identita" : "cie"
            draft.documentNumber = index % 4 == 3 ? "AU\(1_000_000 + random.next() % 9_000_000)" : "CA\(10000 + random.next() % 90000)AB"
            draft.documentIssuer = "Comune di \(place)"
            // The fourth citizen's paper identity card expired in the spring.
            draft.documentExpiry = index == 3 ? "15/04/2026" : (CivilDate(year: today.year + 1 + index % 5, month: month, day: day)?.italian ?? "")
            draft.warningsConfirmed = true
            var history = [DemoHistory(kind: "ticket", summary: "Certificato di residenza", reference: "A0\(10 + index)")]
            if index % 2 == 0 { history.append(DemoHistory(kind: "phone_call", summary: "Chiede gli orari dell'anagrafe", reference: "")) }
            contacts.append(DemoContact(draft: draft, history: history))
        }
        // The probable duplicate: registered at an earlier visit with no codice fiscale.
        if let original = contacts.first {
            var draft = ContactDraft()
            draft.surname = original.draft.surname
            draft.name = original.draft.name
            draft.birthDate = original.draft.birthDate
            draft.phones = original.draft.phones
            draft.street = original.draft.street
            draft.comune = "Piacenza"
            draft.notes = "Registrato allo sportello senza documento."
            draft.consentPrivacy = "sì 02/05/2024"
            // A phone call is not a visit: the record with the codice fiscale ranks first.
            contacts.append(DemoContact(draft: draft, history: [
                DemoHistory(kind: "phone_call", summary: "Chiede lo stato della domanda di contrassegno", reference: "2024/0456"),
            ]))
        }
        return contacts
    }
}
