/// A named place in the sync engine where a test or `SPORTELLO_FAULT` can make the exchange
/// fail, to prove that a crash there loses nothing and applies nothing twice.
public enum FaultPoint: String, CaseIterable, Sendable, Codable {
    /// The batch is read from the outbox and never sent.
    case beforeSend = "before-send"
    /// The central side applied the batch; its answer is lost.
    case afterSend = "after-send"
    /// The station applied the first half of the answers, then stopped.
    case afterApplyAck = "after-apply-ack"
    /// A pull page is applied with its position; the next one is never asked for.
    case betweenPages = "between-pages"
}
