/// Results of the station program's effects.
public enum CruscottoMessage: Hashable, Sendable {
    case loginChecked(LoginOutcome)
    case unlockChecked(LoginOutcome)
    /// A lock, unlock or logout was recorded (or could not be: the Italian reason).
    case recorded(SessionRecord, problem: String?)
    case centralChecked(CentralState)
    /// A background sync finished: open dead letters, events waiting, central reached.
    case synced(BackgroundSync)
    /// The logout before leaving the program has been recorded.
    case readyToQuit(problem: String?)
    /// A contact registry effect finished.
    case contacts(ContactsResult)
    /// A queue operation or read finished (Queue/).
    case queue(CounterQueueMessage)
    /// A wake-up of the central queue (`QueueWakeups`).
    case queueWake(QueueWake)
}
