/// Payload of the `contact.history` outbox event (version 1).
struct ContactHistoryPayload: Encodable {
    let contactID: String
    let kind: String
    let at: String
    let localDay: String
    let summary: String
    let reference: String
    let `operator`: String
    let station: String

    enum CodingKeys: String, CodingKey {
        case kind, at, summary, reference, `operator`, station
        case contactID = "contact_id"
        case localDay = "local_day"
    }

    static let type = "contact.history"
    static let version = 1
}
