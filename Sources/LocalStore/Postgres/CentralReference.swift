import Foundation

/// What a station caches of the PostgreSQL central database besides the queue configuration:
/// the office's name and every operator with its password hash (offline logins), read in one
/// call at the version `version`.
public struct CentralReference: Sendable, Equatable {
    public var version: Int64
    public var officeName: String?
    public var operators: [CentralOperator]

    public init(version: Int64, officeName: String?, operators: [CentralOperator]) {
        self.version = version
        self.officeName = officeName
        self.operators = operators
    }
}
