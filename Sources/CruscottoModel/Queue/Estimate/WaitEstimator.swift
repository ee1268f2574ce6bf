import Foundation

/// Wait estimates per service from the live state of the queue: the people ahead, the
/// counters serving the service now and their recent service times.
///
/// - Counters: those staffed and not paused (idle or busy in the status) whose profile lists
///   the service. When none is staffed (before opening, or a status without sign-ins) the
///   counters whose profile lists the service count instead, at least 1, so the totem still
///   gives a sensible figure.
/// - Service time: the mean of the recent samples (`ServiceTimeSamples`) when there are at
///   least `minimumSamples`, otherwise the service's typical minutes.
/// - Minutes: people ahead × service time ÷ counters, rounded up (`WaitEstimateBasis`).
public struct WaitEstimator: Sendable {
    public static let minimumSamples = 3

    public var configuration: QueueConfiguration

    public init(configuration: QueueConfiguration) {
        self.configuration = configuration
    }

    public func basis(
        serviceCode: String, status: QueueStatus?, samples: ServiceTimeSamples, now: Date
    ) -> WaitEstimateBasis? {
        guard let service = configuration.service(serviceCode) else { return nil }
        let serving = configuration.counters.filter { counter in
            counter.profileCode.flatMap { configuration.profile($0) }?.rank(of: serviceCode) != nil
        }
        let servingNumbers = Set(serving.map(\.number))
        let staffed = status?.counters.filter {
            servingNumbers.contains($0.number) && ($0.activity == .idle || $0.activity == .busy)
        }.count ?? 0
        let counters = staffed > 0 ? staffed : max(1, serving.count)
        let recent = samples.recent(serviceCode, now: now)
        if recent.count >= Self.minimumSamples {
            let mean = (recent.reduce(0, +) + recent.count / 2) / recent.count
            return WaitEstimateBasis(serviceSeconds: mean, counters: counters, samples: recent.count)
        }
        return WaitEstimateBasis(serviceSeconds: service.typicalServiceMinutes * 60, counters: counters, samples: 0)
    }

    /// The estimate for someone taking a ticket now: everyone waiting for the service is ahead.
    public func estimate(
        serviceCode: String, status: QueueStatus?, samples: ServiceTimeSamples, now: Date
    ) -> WaitEstimate? {
        guard let basis = basis(serviceCode: serviceCode, status: status, samples: samples, now: now) else {
            return nil
        }
        let ahead = status?.services.first { $0.serviceCode == serviceCode }?.waiting ?? 0
        return WaitEstimate(peopleAhead: ahead, minutes: basis.minutes(peopleAhead: ahead))
    }
}
