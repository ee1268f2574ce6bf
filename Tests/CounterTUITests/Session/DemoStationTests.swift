import CruscottoModel
import Foundation
import LocalStore
import Testing
@testable import CounterTUI

@Suite struct DemoStationTests {
    /// Few rounds: the tests check the flow, not the cost of hashing.
    static let hasher = PasswordHasher(unsafeUncheckedRounds: 10)

    func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func planIsDeterministicAndValid() {
        let plan = DemoStationPlan()
        #expect(plan == DemoStationPlan(seed: DemoStationPlan.defaultSeed))
        #expect(plan.operators.count == 4)
        #expect(Set(plan.operators.map(\.username)).count == 4)
        for demo in plan.operators {
            #expect(OperatorAccount.isValidUsername(demo.username))
            #expect(demo.password.count >= 8)
            #expect(demo.fullName.split(separator: " ").count >= 2)
        }
        #expect(plan.operators[0].roles == [.counter])
        #expect(DemoStationPlan(seed: 7).operators != plan.operators)
    }

    @Test(arguments: [
        ("Niccolò", "D'Angelo", "niccolo.dangelo"),
        ("Maria Grazia", "De Luca", "maria.deluca"),
        ("ANNA", "ROSSI", "anna.rossi"),
    ])
    func usernames(first: String, last: String, expected: String) {
        #expect(DemoStationPlan.username(first: first, last: last) == expected)
    }

    @Test func capitalizedNames() {
        #expect(DemoStationPlan.capitalized("DE LUCA") == "De Luca")
        #expect(DemoStationPlan.capitalized("d'angelo") == "D'Angelo")
    }

    @Test func setupCreatesReusesAndResets() async throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let home = StationHome(path: root + "/demo")
        let created = try await DemoStationSetup.prepare(home: home, reset: false, hasher: Self.hasher)
        #expect(created.created)
        let station = try Station.open(home: home)
        #expect(station.config.officeName == DemoStationPlan.officeName)
        #expect(station.config.counter == DemoStationPlan.counter)
        let first = created.plan.operators[0]
        let service = StationSessionService(station: station)
        #expect(await service.authenticate(username: first.username, password: first.password)
                == .authenticated(SessionOperator(username: first.username, fullName: first.fullName, roles: first.roles)))
        #expect(await service.authenticate(username: first.username, password: "sbagliata") == .rejected)
        #expect(await service.checkCentral() != .unreachable)
        station.close()

        let reused = try await DemoStationSetup.prepare(home: home, reset: false, hasher: Self.hasher)
        #expect(!reused.created)
        #expect(reused.plan == created.plan)

        let reset = try await DemoStationSetup.prepare(home: home, reset: true, seed: 7, hasher: Self.hasher)
        #expect(reset.created)
        #expect(DemoStationSetup.markerSeed(home) == 7)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: root)
        #expect(siblings == ["demo"])
    }

    @Test func foreignFolderIsNeverTouched() async throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("mio".utf8).write(to: URL(fileURLWithPath: root + "/appunti.txt"))
        for reset in [false, true] {
            await #expect(throws: DemoStationSetup.Failure.self) {
                try await DemoStationSetup.prepare(home: StationHome(path: root), reset: reset, hasher: Self.hasher)
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["appunti.txt"])
    }

    @Test func unwritablePlaceLeavesNothing() async throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data().write(to: URL(fileURLWithPath: root + "/file"))
        await #expect(throws: (any Error).self) {
            try await DemoStationSetup.prepare(home: StationHome(path: root + "/file/demo"), reset: false, hasher: Self.hasher)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["file"])
    }

    /// Lock, unlock and logout end up in the store's session events.
    @Test func sessionEventsAreRecorded() async throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let home = StationHome(path: root + "/demo")
        let plan = try await DemoStationSetup.prepare(home: home, reset: false, hasher: Self.hasher).plan
        let station = try Station.open(home: home)
        defer { station.close() }
        let service = StationSessionService(station: station)
        let demo = plan.operators[1]
        _ = await service.authenticate(username: demo.username, password: demo.password)
        #expect(await service.record(.lock, operator: demo.username) == nil)
        #expect(await service.unlock(username: demo.username, password: "sbagliata") == .rejected)
        #expect(await service.unlock(username: demo.username, password: demo.password) != .rejected)
        #expect(await service.record(.logout, operator: demo.username) == nil)
        let kinds = try station.store.recentSessionEvents().reversed().map(\.kind)
        #expect(kinds == ["login", "lock", "login_failed", "login", "unlock", "logout"])
    }
}
