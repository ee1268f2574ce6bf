import CruscottoModel
import Foundation

/// A merge of two records of the same person: who merged which into which, when and why.
/// The merged record stays (with `mergedInto` set) and both histories are kept.
public struct ContactMergeRecord: Sendable, Hashable, Codable {
    public let id: Int64
    public let keptID: ContactID
    public let mergedID: ContactID
    /// The probable-duplicate reasons found at the time, in Italian (empty: the operator's call).
    public let reasons: [String]
    public let operatorUsername: String
    public let stationID: String
    public let purpose: String
    public let at: Date
}
