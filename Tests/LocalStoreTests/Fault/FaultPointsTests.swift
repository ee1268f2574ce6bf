import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// The fault points of the sync engine: parsed from `SPORTELLO_FAULT`, armed per engine, and
/// at each of them an interrupted exchange loses nothing and applies nothing twice (on the
/// embedded central file; the PostgreSQL run is `ThreeStationFaultSuite`).
@Suite struct FaultPointsTests {
    @Test func theEnvironmentValueIsParsed() throws {
        let points = try FaultPoints(parsing: "after-send, after-apply-ack:crash")
        #expect(points.isArmed(.afterSend) && points.isArmed(.afterApplyAck))
        #expect(!points.isArmed(.beforeSend))
        #expect(points.take(.afterSend) == .fail)
        #expect(points.take(.afterSend) == .fail)  // the environment's points fire every time
        #expect(points.take(.afterApplyAck) == .crash)
        #expect(points.firedCount(.afterSend) == 2)
        #expect(throws: FaultSpecError("dopo-invio")) { try FaultPoints(parsing: "dopo-invio") }
        #expect(throws: FaultSpecError("after-send:boom")) { try FaultPoints(parsing: "after-send:boom") }
        #expect(FaultSpecError("x").description.hasPrefix("punto di guasto sconosciuto: x (ammessi: before-send, after-send"))
    }

    @Test func aCountedArmingIsSpent() {
        let points = FaultPoints()
        points.arm(.beforeSend, times: 2)
        #expect(points.take(.beforeSend) == .fail)
        #expect(points.take(.beforeSend) == .fail)
        #expect(points.take(.beforeSend) == nil)
        #expect(!points.isArmed(.beforeSend))
    }

    @Test(arguments: FaultPoint.allCases)
    func anExchangeStoppedAtAFaultPointLosesNothingAndAppliesNothingTwice(point: FaultPoint) async throws {
        let clock = MovingClock(SyncContractTests.start)
        try await SyncBackendKind.sqlite.with(suite: "faultpoint", clock: clock) { central in
            let faults = FaultPoints()
            let a = try SyncTestStation("sportello-1", central: central, clock: clock, pushBatch: 2, pullPage: 2)
            let b = try SyncTestStation("sportello-2", central: central, clock: clock, pushBatch: 2, pullPage: 2)
            let engine = SyncEngine(store: a.store, central: central, station: a.id, pushBatch: 2, pullPage: 2, faults: faults)
            for index in 0..<5 { try b.create("Verdi", "Anna", born: "19\(60 + index)-02-0\(index + 1)") }
            try await b.engine.once()
            for index in 0..<5 { try a.create("Bianchi", "Luca", born: "19\(70 + index)-01-0\(index + 1)") }
            let written = Set(try a.store.syncOutboxBatch(limit: 100).map(\.id))

            faults.arm(point)
            await #expect(throws: SyncError.unreachable("interruzione simulata al punto \(point.rawValue)")) {
                try await engine.once()
            }
            #expect(faults.firedCount(point) == 1)
            if point == .afterApplyAck { #expect(try a.store.outboxCount() == 4) }  // one of the first two answers kept

            let report = try await engine.once()
            #expect(try a.store.outboxCount() == 0)
            let sent = point == .beforeSend ? 0 : 2
            #expect(report.push.applied == 5 - (point == .betweenPages ? 5 : sent))
            #expect(report.push.duplicates == (point == .afterSend ? 2 : point == .afterApplyAck ? 1 : 0))
            try await b.engine.once()
            let changes = try await central.changes(after: 0, limit: 100, for: try a.versions).changes
            #expect(changes.count == 10)
            #expect(Set(changes.map(\.originEvent)).isSuperset(of: written))
            #expect(try a.store.contactCount() == 10 && b.store.contactCount() == 10)
        }
    }
}
