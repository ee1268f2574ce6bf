import CruscottoModel

extension SQLiteQueueBackend {
    /// The queue of an open central database, with its clock.
    public convenience init(central: CentralDatabase) throws {
        try self.init(writer: central.writer, clock: central.clock)
    }
}
