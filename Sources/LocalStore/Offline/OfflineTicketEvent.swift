import CruscottoModel
import Foundation

/// The outbox payload of one step in an offline ticket's life (`queue.offline_ticket`,
/// payload version 1): which station, what happened (`issue`, `call`, `recall`,
/// `start_service`, `no_show`, `close`, `cancel`), the number as printed (`A-701`), the office
/// day, the instant, and the whole ticket after the step with its history. The central side
/// keeps each event once (its id) with the station's other events.
struct OfflineTicketEvent: Encodable {
    static let type = "queue.offline_ticket"
    static let payloadVersion = 1

    let station: String
    let event: String
    let number: String
    let day: String
    let at: String
    let ticket: Ticket

    /// Instants as ISO-8601 text, keys sorted, like every outbox payload.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(StoredInstant.iso(date))
        }
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    static func name(of action: TicketAction) -> String {
        switch action {
        case .call: "call"
        case .recall: "recall"
        case .markNoShow: "no_show"
        case .startService: "start_service"
        case .close: "close"
        case .cancel: "cancel"
        default: "other"
        }
    }
}
