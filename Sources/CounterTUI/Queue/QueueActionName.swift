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
    /// On a contact's card (screen `contacts_card`): link the person to the ticket held here.
    public static let linkContact = "queue.link_contact"
    /// The responsabile only: open the office day, or close it after a confirmation.
    public static let officeDay = "queue.office_day"

    /// Every counter's queue actions on the cruscotto (the office day is added for the responsabile).
    public static let all: Set<String> = [callNext, callNumber, recall, startService, transfer, park, close, noShow, pause, issue]

    /// What a dialog uses: confirm, cancel, move between fields, change a choice.
    public static let dialogActions: Set<String> = ["app.confirm", "app.cancel", "focus.next", "focus.previous", "list.up", "list.down"]
}
