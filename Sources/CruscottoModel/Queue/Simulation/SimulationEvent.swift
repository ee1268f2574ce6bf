import Foundation

/// One thing that happens at an instant of the simulated day.
enum SimulationEvent {
    case open
    case arrival(service: String, priority: String?)
    case tryCall(counter: Int)
    case citizenAtCounter(counter: Int)
    case recall(counter: Int)
    case endService(counter: Int)
    case pauseDue(counter: Int)
    case pauseEnd(counter: Int)
    case closing
}
