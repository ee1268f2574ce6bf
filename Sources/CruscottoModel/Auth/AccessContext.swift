/// Who reads or changes a person's data, from which station, and why. Every store method
/// that touches a person's data takes one, so the access audit is written in the same place
/// as the access itself.
public struct AccessContext: Sendable, Equatable, Codable {
    public var operatorUsername: String
    public var stationID: String
    public var purpose: AccessPurpose

    public init(operatorUsername: String, stationID: String, purpose: AccessPurpose) {
        self.operatorUsername = operatorUsername
        self.stationID = stationID
        self.purpose = purpose
    }
}
