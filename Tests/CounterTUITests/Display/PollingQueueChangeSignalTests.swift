import Foundation
import Synchronization
import Testing
@testable import CounterTUI

/// The polling change signal of a central database that cannot be watched locally.
@Suite struct PollingQueueChangeSignalTests {
    final class Marks: Sendable {
        let values = Mutex<(marks: [String], asked: Int)>(([], 0))
        init(_ marks: [String]) { values.withLock { $0.marks = marks } }
        func next() throws -> String {
            try values.withLock { state in
                state.asked += 1
                guard !state.marks.isEmpty else { throw CancellationError() }
                return state.marks.removeFirst()
            }
        }
        var asked: Int { values.withLock { $0.asked } }
    }

    @Test func changedOnlyWhenTheMarkMoves() async throws {
        let marks = Marks(["3:1:1", "3:1:1", "4:1:1", "4:2:1", "4:2:1"])
        let signal = PollingQueueChangeSignal(minimumInterval: .zero) { try marks.next() }
        var answers: [Bool] = []
        for _ in 0..<5 { answers.append(try await signal.hasChanged()) }
        #expect(answers == [true, false, true, true, false])
    }

    @Test func aFailureIsThrownAndTheNextAnswerStartsAfresh() async throws {
        let marks = Marks(["3:1:1"])
        let signal = PollingQueueChangeSignal(minimumInterval: .zero) { try marks.next() }
        #expect(try await signal.hasChanged())
        await #expect(throws: CancellationError.self) { _ = try await signal.hasChanged() }
        marks.values.withLock { $0.marks = ["3:1:1"] }
        #expect(try await signal.hasChanged())
    }

    @Test func aQuestionSoonerThanTheIntervalDoesNotReachTheCentralSide() async throws {
        let marks = Marks(["3:1:1", "4:1:1"])
        let signal = PollingQueueChangeSignal(minimumInterval: .seconds(3600)) { try marks.next() }
        #expect(try await signal.hasChanged())
        #expect(try await signal.hasChanged() == false)
        #expect(marks.asked == 1)
    }
}
