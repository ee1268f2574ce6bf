import CruscottoModel
import Foundation
import LocalStore

/// `SessionService` over a real station: logins against the operator cache (refreshed from
/// the central database first when it answers; works while it is unreachable), session events
/// in the local store, a read of the central database (embedded file or PostgreSQL) for the
/// header.
public struct StationSessionService: SessionService {
    public let station: Station

    public init(station: Station) {
        self.station = station
    }

    public func authenticate(username: String, password: String) async -> LoginOutcome {
        // An operator added, disabled or given a new password since the last refresh is
        // seen at once; offline, the cache as it is.
        _ = try? await station.refreshCentralCache(onlyIfChanged: true)
        return Self.outcome(await station.authenticate(username: username, password: password))
    }

    /// The same check as a login (so it is recorded like one), then the unlock itself.
    public func unlock(username: String, password: String) async -> LoginOutcome {
        let outcome = Self.outcome(await station.authenticate(username: username, password: password))
        guard case .authenticated(let account) = outcome, account.username == username else { return outcome }
        if let problem = await record(.unlock, operator: username) { return .refused("Sblocco non registrato: \(problem)") }
        return outcome
    }

    public func record(_ event: SessionRecord, operator username: String) async -> String? {
        let kind: SessionEventKind = switch event {
        case .lock: .lock
        case .unlock: .unlock
        case .logout: .logout
        }
        do {
            try station.store.recordSessionEvent(kind, operator: username)
            return nil
        } catch {
            return String(describing: error)
        }
    }

    /// "In linea" only after a real read of the central database. On PostgreSQL the read is
    /// the reference version, and the operator cache is refreshed when it moved.
    public func checkCentral() async -> CentralState {
        if station.postgres != nil {
            do {
                try await station.refreshCentralCache(onlyIfChanged: true)
                return .online(checkedAt: station.clock.now())
            } catch {
                return .unreachable
            }
        }
        guard let central = station.central else { return .unreachable }
        do {
            _ = try central.office()
            return .online(checkedAt: central.clock.now())
        } catch {
            return .unreachable
        }
    }

    /// One `sync once` with the station's central database, embedded file or PostgreSQL
    /// (errors are kept in the store's sync state for `sync status`), then the open dead
    /// letters and the events still waiting. Whether the central database answered follows
    /// the header's check: any failure counts as unreachable, except a refusal of the
    /// versions, which is an answer.
    public func syncInBackground() async -> BackgroundSync {
        var reached: Bool?
        if station.central != nil || station.postgres != nil {
            do {
                _ = try await station.syncOnce()
                reached = true
            } catch let error as SyncError {
                switch error {
                case .centralSchemaMismatch, .storeSchemaTooOld, .badAnswer: reached = true
                default: reached = false
                }
            } catch {
                reached = false
            }
        }
        return BackgroundSync(deadLetters: (try? station.store.openDeadLetterCount()) ?? 0,
                              waiting: (try? station.store.outboxCount()) ?? 0, reachedCentral: reached)
    }

    static func outcome(_ result: AuthResult) -> LoginOutcome {
        switch result {
        case .authenticated(let account):
            return .authenticated(SessionOperator(username: account.username, fullName: account.fullName, roles: account.roles))
        case .rejected:
            return .rejected
        case .disabled, .unavailable:
            return .refused(result.message ?? LoginOutcome.rejectedMessage)
        }
    }

    /// What the header shows about the station.
    public var summary: StationSummary {
        StationSummary(officeName: station.config.officeName, stationID: station.config.stationID,
                       counter: station.config.counter, idleLockMinutes: station.config.idleLockMinutes)
    }
}
