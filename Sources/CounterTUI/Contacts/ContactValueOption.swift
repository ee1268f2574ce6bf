/// One value of an F4 list: what is shown and what goes into the field (and the province,
/// for a comune).
public struct ContactValueOption: Hashable, Sendable {
    public var shown: String
    public var value: String
    public var province: String?

    public init(shown: String, value: String, province: String? = nil) {
        self.shown = shown
        self.value = value
        self.province = province
    }
}
