/// Why a `central` value was refused.
public struct CentralLocationError: Error, Sendable, Equatable {
    public let message: String
}
