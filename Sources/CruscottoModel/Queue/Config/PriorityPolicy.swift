/// How priority tickets interleave with the others and when a long wait promotes a ticket.
public struct PriorityPolicy: Hashable, Codable, Sendable {
    /// One priority ticket every `interleave` calls of a counter while priority tickets wait:
    /// 1 means priority tickets always go first, 2 alternates, 3 is one in three.
    public var interleave: Int
    /// Any waiting ticket (priority or not) that has waited at least this long goes ahead of
    /// the profile order and of the interleave; nil disables promotion.
    public var maxWaitMinutes: Int?

    enum CodingKeys: String, CodingKey {
        case interleave
        case maxWaitMinutes = "max_wait_minutes"
    }

    public init(interleave: Int = 3, maxWaitMinutes: Int? = 45) {
        self.interleave = max(1, interleave)
        self.maxWaitMinutes = maxWaitMinutes.map { max(1, $0) }
    }
}
