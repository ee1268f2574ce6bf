/// One counter on one office day: staffed, idle and paused seconds (pauses per reason).
public struct ReportCounterDay: Hashable, Sendable {
    public var day: LocalDay
    public var counter: Int
    public var operators: [String]
    public var staffedSeconds: Int
    public var idleSeconds: Int
    public var pauseSeconds: [String: Int]
    public var pauseCount: Int

    public init(day: LocalDay, counter: Int, operators: [String], staffedSeconds: Int, idleSeconds: Int,
                pauseSeconds: [String: Int], pauseCount: Int) {
        self.day = day
        self.counter = counter
        self.operators = operators
        self.staffedSeconds = staffedSeconds
        self.idleSeconds = idleSeconds
        self.pauseSeconds = pauseSeconds
        self.pauseCount = pauseCount
    }
}
