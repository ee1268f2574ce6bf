import Foundation
import Testing
@testable import LocalStore

/// Three counter stations and a display on PostgreSQL, each with its own store, folder and
/// station role, clocks five minutes apart, running a seeded workload of queue operations and
/// registry edits while stations crash at every fault point (in this process and, with
/// `SPORTELLO_BIN`, in a `sync once` child process), the server ends their connections and
/// restarts, and applied batches are delivered again, shuffled. After healing: every station
/// holds the central registry, no event lost or applied twice, no ticket called twice, and
/// the display shows the central queue. It restarts the server: `scripts/test` runs it in its
/// separate fault step (the suite name contains `FaultSuite`).
@Suite(.serialized, .enabled(if: PostgresTestRestart.isAvailable))
struct ThreeStationFaultSuite {
    static let binary = ProcessInfo.processInfo.environment["SPORTELLO_BIN"].flatMap {
        FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil
    }

    @Test func threeStationsAndADisplayHealWithNothingLostAppliedTwiceOrCalledTwice() async throws {
        try await PostgresTestDatabase.with(suite: "threestations") { handle in
            let dir = try TemporaryDirectory()
            let office = try await FaultOffice.create(ownerURL: handle.url, rolePrefix: handle.rolePrefix,
                                                      directory: dir.path, stations: 3)
            #expect(office.offsets == [0, 300, -300])
            let workload = try FaultWorkload(office: office, seed: 20_261_130, restartScript: PostgresTestRestart.script,
                                             binary: Self.binary) { Self.note($0) }
            defer { workload.close() }

            await workload.run(operations: 60)
            for point in FaultPoint.allCases {
                await workload.crash(at: point)
                await workload.run(operations: 25)
            }
            if Self.binary != nil {
                for point in [FaultPoint.afterSend, .afterApplyAck] {
                    await workload.crashProcess(at: point)
                    await workload.run(operations: 20)
                }
            }
            for kind in [FaultKind.terminateConnections, .duplicateDeliveries, .restartServer, .terminateConnections,
                         .duplicateDeliveries] {
                await workload.inject(kind)
                await workload.run(operations: 30)
            }
            await workload.heal(timeoutSeconds: 90)
            let summary = try await workload.check()
            Self.note("\(summary)")

            #expect(summary.violations == [])
            #expect(summary.healed)
            #expect(summary.crashesReached == FaultPoint.allCases.count + (Self.binary == nil ? 0 : 2))
            #expect(summary.eventsWritten > 50)
            #expect(summary.eventsApplied == summary.eventsWritten)
            #expect(summary.redelivered > 0)
            #expect(summary.claims > 5)
            #expect(summary.contacts > 10)
            #expect(summary.tickets > 10)
        }
    }

    static func note(_ line: String) {
        FileHandle.standardError.write(Data("[fault] \(line)\n".utf8))
    }
}
