import CruscottoModel
import Foundation
@testable import LocalStore

let contactToday = CivilDate(year: 2026, month: 11, day: 30)!
let counterContext = AccessContext(operatorUsername: "mrossi", stationID: "sportello-1", purpose: .service)

/// A valid codice fiscale for the data (place code given directly).
func fiscalCode(_ surname: String, _ name: String, female: Bool = false, born: String, place: String = "G535") -> String {
    let date = CivilDate(iso: born)!
    let first15 = CodiceFiscaleEncoder.surnameCode(surname)! + CodiceFiscaleEncoder.nameCode(name)!
        + CodiceFiscaleEncoder.dateCode(date, sex: female ? .female : .male) + place
    return first15 + String(CodiceFiscaleEncoder.checkCharacter(first15: first15)!)
}

/// A validated form for a person; a codice fiscale is computed when `born` is given and `cf` is not.
func contactForm(
    _ surname: String, _ name: String, female: Bool = false, born: String? = nil, cf: String? = nil,
    phones: [String] = [], emails: [String] = [], withCode: Bool = true
) -> ContactValidation {
    var draft = ContactDraft()
    draft.surname = surname
    draft.name = name
    draft.sex = female ? "F" : "M"
    if let born {
        draft.birthDate = born
        draft.birthPlace = "Piacenza"
        if withCode { draft.fiscalCode = cf ?? fiscalCode(surname, name, female: female, born: born) }
    } else if let cf {
        draft.fiscalCode = cf
    }
    draft.phones = phones
    draft.emails = emails
    return draft.validated(today: contactToday)
}

/// An in-memory store on a clock the test can move.
final class MovingClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date
    init(_ instant: Date) { self.instant = instant }
    func now() -> Date { lock.withLock { instant } }
    func advance(_ seconds: TimeInterval) { lock.withLock { instant += seconds } }
}

func makeContactStore(clock: any Clock = testClock) throws -> AppDatabase {
    try AppDatabase.inMemory(clock: clock)
}

func csvImport(_ text: String) throws -> ContactCSVImport {
    try ContactCSVImport(data: Data(text.utf8), today: contactToday)
}

extension AppDatabase {
    func auditTexts() throws -> [String] { try accessLog(limit: 100_000).map(\.what) }
    func outboxTypes() throws -> [String] { try pendingOutbox(limit: 100_000).map(\.type) }
}
