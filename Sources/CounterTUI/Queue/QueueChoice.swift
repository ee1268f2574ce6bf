/// One value of a dialog's choice field: what is stored and what the operator reads.
public struct QueueChoice: Hashable, Sendable {
    public var value: String
    public var text: String

    public init(value: String, text: String) {
        self.value = value
        self.text = text
    }
}
