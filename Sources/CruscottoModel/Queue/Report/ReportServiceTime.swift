/// Time spent serving (state `serving`, parked intervals excluded) by one operator at one
/// counter for tickets of one service: how many tickets and how many seconds in all.
public struct ReportServiceTime: Hashable, Sendable {
    public var serviceCode: String
    public var counter: Int
    public var operatorID: String?
    public var tickets: Int
    public var seconds: Int

    public init(serviceCode: String, counter: Int, operatorID: String?, tickets: Int, seconds: Int) {
        self.serviceCode = serviceCode
        self.counter = counter
        self.operatorID = operatorID
        self.tickets = tickets
        self.seconds = seconds
    }
}
