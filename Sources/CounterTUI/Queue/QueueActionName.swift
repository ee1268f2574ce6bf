/// The keymap actions of the queue at the counter (screen `cruscotto`).
public enum QueueActionName {
    public static let callNext = "queue.call_next"
    public static let callNumber = "queue.call_number"
    public static let recall = "queue.recall"
    public static let startService = "queue.start_service"
    public static let transfer = "queue.transfer"
    public static let park = "queue.park"
    public static let close = "queue.close"
    public static let noShow = "queue.no_show"
    public static let pause = "queue.pause"
    public static let issue = "queue.issue"

    public static let all: Set<String> = [callNext, callNumber, recall, startService, transfer, park, close, noShow, pause, issue]

    /// What a dialog uses: confirm, cancel, move between fields, change a choice.
    public static let dialogActions: Set<String> = ["app.confirm", "app.cancel", "focus.next", "focus.previous", "list.up", "list.down"]
}
