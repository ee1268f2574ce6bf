import CruscottoModel
import Foundation

/// The queue panel's picture from a day's callable and held tickets and its office day,
/// computed as the reference backend computes it.
enum QueueStatusBuilder {
    static func status(configuration config: QueueConfiguration, tickets todays: [Ticket], officeDay: OfficeDay?,
                       now: Date) -> QueueStatus {
        let day = LocalDay(containing: now)
        let services = config.services.map { service in
            let waiting = todays.filter {
                $0.state.isCallable && $0.targetCounter == nil && $0.serviceCode == service.code
            }
            let longest = waiting.min { ($0.arrival, $0.id) < ($1.arrival, $1.id) }
            return QueueStatus.ServiceLine(
                serviceCode: service.code, name: service.name, prefix: service.prefix,
                isOpen: service.isOpen(at: now), waiting: waiting.count,
                priorityWaiting: waiting.filter(\.isPriority).count,
                longestWaitMinutes: longest.map { Int(now.timeIntervalSince($0.arrival) / 60) },
                longestWaitNumber: longest?.number.display)
        }
        let counters = config.counters.map { counter in
            let current = todays.first { $0.state.isClaimed && $0.counter == counter.number }
            let directed = todays.filter { $0.state.isCallable && $0.targetCounter == counter.number }.count
            var line = QueueStatus.CounterLine(
                number: counter.number, label: counter.label, operatorID: nil, activity: .closed,
                pauseReason: nil, since: nil, ticketNumber: current?.number.display,
                ticketState: current?.state, directedWaiting: directed)
            switch officeDay?.activity(of: counter.number) ?? .closed {
            case .closed:
                if current != nil { line.activity = .busy }
            case let .idle(op, since):
                (line.operatorID, line.activity, line.since) = (op, current == nil ? .idle : .busy, since)
            case let .busy(op, since):
                (line.operatorID, line.activity, line.since) = (op, .busy, since)
            case let .paused(op, reason, since):
                (line.operatorID, line.activity, line.since) = (op, .paused, since)
                line.pauseReason = reason.italianText
            }
            return line
        }
        return QueueStatus(at: now, day: day, officeOpen: officeDay?.isOpen ?? false,
                           services: services, counters: counters)
    }
}
