/// A `SPORTELLO_FAULT` item that names no fault point or action.
public struct FaultSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public let item: String

    public init(_ item: String) { self.item = item }

    public var description: String {
        "punto di guasto sconosciuto: \(item) (ammessi: \(FaultPoint.allCases.map(\.rawValue).joined(separator: ", ")), con :crash facoltativo)"
    }
}
