/// Who reads or changes a person's data, from which station, and why. Every store method
/// that touches a person's data takes one, so the access audit is written in the same place
/// as the access itself.
public struct AccessContext: Sendable, Equatable, Codable {
    public var operatorUsername: String
    public var stationID: String
    public var purpose: AccessPurpose
    /// The reason in the operator's words, when the short list of purposes did not fit.
    public var note: String?

    public init(operatorUsername: String, stationID: String, purpose: AccessPurpose, note: String? = nil) {
        self.operatorUsername = operatorUsername
        self.stationID = stationID
        self.purpose = purpose
        self.note = note
    }

    /// The purpose as the access audit records it: "service", or "service: the reason".
    public var auditPurpose: String {
        guard let note, !note.isEmpty else { return purpose.rawValue }
        return "\(purpose.rawValue): \(note)"
    }
}
