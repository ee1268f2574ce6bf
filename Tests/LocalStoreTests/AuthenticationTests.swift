import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

@Suite("Passwords and login")
struct AuthenticationTests {
    @Test func aHashVerifiesOnlyItsPassword() throws {
        let hash = try fastHasher.hash("correct horse battery")
        #expect(fastHasher.verify("correct horse battery", against: hash))
        #expect(!fastHasher.verify("correct horse batterY", against: hash))
        #expect(hash.salt.count == 16)
        #expect(hash.encoded.hasPrefix("pbkdf2-sha512$1000$"))
        #expect(PasswordHash(encoded: hash.encoded) == hash)
        #expect(try fastHasher.hash("correct horse battery").salt != hash.salt)
    }

    @Test func theDefaultIsTheOWASPRoundCount() {
        #expect(PasswordHasher().rounds == 210_000)
    }

    @Test(arguments: ["", "bcrypt$10$x$y", "pbkdf2-sha512$abc$AAAA$AAAA", "pbkdf2-sha512$10$$AAAA"])
    func malformedHashesAreNotHashes(_ text: String) {
        #expect(PasswordHash(encoded: text) == nil)
    }

    @Test func asyncVerificationGivesTheSameAnswer() async throws {
        let hash = try await fastHasher.hash("password-uno")
        #expect(await fastHasher.verify("password-uno", against: hash))
        #expect(await !fastHasher.verify("password-due", against: hash))
    }

    @Test func loginFromTheCacheWithEveryOutcomeRecorded() async throws {
        let dir = try TemporaryDirectory()
        let home = try makeStation(dir)
        let station = try Station.open(home: home, clock: testClock, hasher: fastHasher)
        let central = try station.requireCentral()
        try await central.addOperator(OperatorAccount(username: "mrossi", fullName: "Mario Rossi", roles: [.counter]),
                                      password: "sportello-2026", hasher: fastHasher)
        try await central.addOperator(OperatorAccount(username: "lbianchi", fullName: "Lucia Bianchi", roles: [.manager]),
                                      password: "responsabile-1", hasher: fastHasher)
        try central.disableOperator("lbianchi")
        #expect(try station.refreshOperatorCache() == 2)

        let ok = await station.authenticate(username: "mrossi", password: "sportello-2026")
        #expect(ok == .authenticated(OperatorAccount(username: "mrossi", fullName: "Mario Rossi", roles: [.counter])))
        let wrongPassword = await station.authenticate(username: "mrossi", password: "sbagliata-123")
        let unknownUser = await station.authenticate(username: "nessuno", password: "sportello-2026")
        #expect(wrongPassword == .rejected)
        #expect(unknownUser == .rejected)
        #expect(wrongPassword.message == unknownUser.message)
        #expect(await station.authenticate(username: "lbianchi", password: "responsabile-1") == .disabled)
        #expect(await station.authenticate(username: "lbianchi", password: "sbagliata-123") == .rejected)

        let events = try station.store.sessionEvents(onLocalDay: "2026-11-30")
        #expect(events.map(\.kind) == ["login", "login_failed", "login_failed", "login_failed", "login_failed"])
        #expect(events.map(\.operatorUsername) == ["mrossi", "mrossi", "nessuno", "lbianchi", "lbianchi"])
        #expect(events.allSatisfy { $0.stationID == "sportello-1" && $0.at == "2026-11-30T09:42:00.000Z" })
        station.close()
    }

    @Test func loginWorksWhenTheCentralFileIsGone() async throws {
        let dir = try TemporaryDirectory()
        let home = try makeStation(dir)
        let station = try Station.open(home: home, clock: testClock, hasher: fastHasher)
        try await station.requireCentral().addOperator(
            OperatorAccount(username: "mrossi", fullName: "Mario Rossi", roles: [.counter]),
            password: "sportello-2026", hasher: fastHasher)
        try station.refreshOperatorCache()
        station.close()
        SecureFiles.removeDatabase(home.defaultCentralPath)

        let offline = try Station.open(home: home, clock: testClock, hasher: fastHasher)
        #expect(offline.central == nil)
        #expect(offline.centralProblem?.contains("non disponibile") == true)
        #expect(throws: StoreError.self) { try offline.refreshOperatorCache() }
        #expect(await offline.authenticate(username: "mrossi", password: "sportello-2026") != .rejected)
        offline.close()
    }

    @Test func operatorRulesAreEnforcedCentrally() async throws {
        let dir = try TemporaryDirectory()
        let central = try CentralDatabase.create(at: dir.file("central.sqlite"), officeName: "O", clock: testClock)
        let account = OperatorAccount(username: "mrossi", fullName: "Mario Rossi", roles: [.counter])
        try await central.addOperator(account, password: "sportello-2026", hasher: fastHasher)
        await #expect(throws: StoreError.operatorExists("mrossi")) {
            try await central.addOperator(account, password: "sportello-2026", hasher: fastHasher)
        }
        await #expect(throws: StoreError.self) {
            try await central.addOperator(OperatorAccount(username: "Mario Rossi", fullName: "x", roles: []),
                                          password: "sportello-2026", hasher: fastHasher)
        }
        await #expect(throws: StoreError.self) {
            try await central.setPassword("mrossi", password: "corta", hasher: fastHasher)
        }
        #expect(throws: StoreError.operatorUnknown("nessuno")) { try central.disableOperator("nessuno") }
        try central.disableOperator("mrossi")
        #expect(try central.listOperators().map(\.disabled) == [true])
        try central.close()
    }
}
