/// Payload of the `session.event` outbox event (version 1).
struct SessionEventPayload: Encodable {
    let kind: String
    let `operator`: String
    let station: String
    let at: String
    let localDay: String

    enum CodingKeys: String, CodingKey {
        case kind, `operator`, station, at
        case localDay = "local_day"
    }
}
