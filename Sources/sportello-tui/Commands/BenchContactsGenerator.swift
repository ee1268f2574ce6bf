import CruscottoModel
import Foundation

/// Realistic contacts for `bench contacts`: names and surnames from the compiled-in nomi-it
/// list (plus a few surnames with apostrophes and particles), valid codici fiscali computed
/// from the data, birth places from the Belfiore table, addresses from the CAP directory,
/// Italian mobile and landline numbers, e-mails for about half. Seeded: the same rows every run.
struct BenchContactsGenerator {
    private var random: BenchContactsRandom
    private let names = ItalianNames.shared
    private let places: [BelfioreEntry]
    private let caps: [CapEntry]
    private let domains = ["libero.it", "gmail.com", "virgilio.it", "alice.it", "hotmail.it", "tiscali.it", "yahoo.it", "pec.it"]
    /// Surnames with apostrophes and particles, which the name keys must handle.
    private let compoundSurnames = ["D'Angelo", "De Luca", "Dell'Orto", "Di Stefano", "D'Amico", "De Santis",
                                    "La Rosa", "Lo Russo", "Dal Molin", "Degli Esposti"]

    init(seed: UInt64) {
        random = BenchContactsRandom(seed: seed)
        places = BelfioreTable.shared.entries.filter { $0.validTo == nil && $0.validFrom.year < 1930 }
        caps = CapDirectory.shared.entries
    }

    private mutating func pick<T>(_ list: [T]) -> T { list[Int(random.next() % UInt64(list.count))] }
    private mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }
    private mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(random.next() % 10)) })
    }

    /// One person. The first one generated is always Niccolò Rossi (the benchmark looks him up).
    mutating func next(index: Int) -> ContactDetails {
        while true {
            let female = index == 0 ? false : chance(50)
            let name = index == 0 ? "Niccolò" : pick(female ? names.femaleFirstNames : names.maleFirstNames)
            let surname = index == 0 ? "Rossi" : (chance(3) ? pick(compoundSurnames) : pick(names.surnames))
            let place = pick(places)
            guard let birth = CivilDate(year: 1930 + Int(random.next() % 90), month: 1 + Int(random.next() % 12),
                                        day: 1 + Int(random.next() % 28)),
                  let s = CodiceFiscaleEncoder.surnameCode(surname), let n = CodiceFiscaleEncoder.nameCode(name)
            else { continue }
            let first15 = s + n + CodiceFiscaleEncoder.dateCode(birth, sex: female ? .female : .male) + place.code
            guard let check = CodiceFiscaleEncoder.checkCharacter(first15: first15) else { continue }
            var phones: [PhoneNumber] = []
            if chance(90), let mobile = PhoneNumber("3" + pick(["20", "28", "33", "35", "38", "39", "40", "47", "49"]) + digits(7)) {
                phones.append(mobile)
            }
            if chance(25), let landline = PhoneNumber("05" + digits(8)) { phones.append(landline) }
            var emails: [EmailAddress] = []
            if chance(50) {
                let local = SearchText.joinedKey(name) + "." + SearchText.joinedKey(surname) + String(random.next() % 100)
                if let email = EmailAddress(local + "@" + pick(domains)) { emails.append(email) }
            }
            let home = pick(caps)
            let street = pick(names.streetTypes) + " " + pick(names.surnames)
            var details = ContactDetails(
                fiscalCode: first15 + String(check), surname: surname, name: name, sex: female ? .female : .male,
                birthDate: birth, birthPlace: place.name, citizenship: "italiana",
                address: PostalAddress(street: street, number: String(1 + random.next() % 200), cap: home.cap,
                                       comune: home.comune, province: home.province),
                phones: phones, emails: emails,
                preferredChannel: phones.isEmpty ? (emails.isEmpty ? .none : .email) : .sms)
            if chance(70), let day = CivilDate(year: 2020 + Int(random.next() % 6), month: 1 + Int(random.next() % 12), day: 1 + Int(random.next() % 28)) {
                details.record(Consent(kind: .privacyNotice, granted: true, recordedOn: day))
                if !phones.isEmpty { details.record(Consent(kind: .sms, granted: chance(80), recordedOn: day)) }
            }
            if chance(20), let expiry = CivilDate(year: 2026 + Int(random.next() % 10), month: 1 + Int(random.next() % 12), day: 1 + Int(random.next() % 28)) {
                details.documents = [IdentityDocument(kind: .electronicIdentityCard, number: "CA" + digits(5) + "AB",
                                                      issuer: "Comune di " + home.comune, expiresOn: expiry)]
            }
            return details
        }
    }
}
