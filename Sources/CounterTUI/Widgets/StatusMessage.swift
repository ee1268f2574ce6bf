/// What the message line says: what just happened, or what is wrong.
public struct StatusMessage: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case info, ok, warning, error }
    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    public static func info(_ text: String) -> StatusMessage { StatusMessage(.info, text) }
    public static func ok(_ text: String) -> StatusMessage { StatusMessage(.ok, text) }
    public static func warning(_ text: String) -> StatusMessage { StatusMessage(.warning, text) }
    public static func error(_ text: String) -> StatusMessage { StatusMessage(.error, text) }
}
