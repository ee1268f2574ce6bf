/// The error an armed fault point throws (`FaultAction.fail`).
public struct FaultInjected: Error, Sendable, Equatable, CustomStringConvertible {
    public let point: FaultPoint

    public init(_ point: FaultPoint) { self.point = point }

    public var description: String { "interruzione simulata al punto \(point.rawValue)" }
}
