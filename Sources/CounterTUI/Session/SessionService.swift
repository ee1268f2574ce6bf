/// What the login, lock and cruscotto screens need from the station: checking passwords,
/// recording session events, checking the central database. Every method is called from an
/// effect, off the app loop; implementations hash on their own threads.
public protocol SessionService: Sendable {
    /// Checks a login and records it (login or failed login).
    func authenticate(username: String, password: String) async -> LoginOutcome
    /// Checks the password of the locked operator; on success records the unlock.
    func unlock(username: String, password: String) async -> LoginOutcome
    /// Records a lock or a logout. Returns an Italian explanation when it could not be recorded.
    func record(_ event: SessionRecord, operator username: String) async -> String?
    /// Checks the central database now (a real read), or `.localOnly` when none is in use.
    func checkCentral() async -> CentralState
    /// Runs one sync with the central database when one is in use and answers how many
    /// dead letters are open (the header's "sync bloccata (N)"), how many events wait and
    /// whether the central database answered.
    func syncInBackground() async -> BackgroundSync
}

extension SessionService {
    public func syncInBackground() async -> BackgroundSync { BackgroundSync(deadLetters: 0) }
}
