/// Payload of the `contact.merged` outbox event (version 1).
struct ContactMergePayload: Encodable {
    let keptID: String
    let mergedID: String
    let reasons: [String]
    let `operator`: String
    let station: String
    let at: String

    enum CodingKeys: String, CodingKey {
        case reasons, `operator`, station, at
        case keptID = "kept_id"
        case mergedID = "merged_id"
    }

    static let type = "contact.merged"
    static let version = 1
}
