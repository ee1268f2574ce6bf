import CruscottoModel
import GRDB

extension AppDatabase {
    /// Replaces the operator cache with the central database's operators (one transaction:
    /// a login never sees half a refresh).
    public func replaceOperatorCache(with operators: [CentralOperator]) throws {
        let now = StoredInstant.iso(clock.now())
        try writer.write { db in
            try CachedOperator.deleteAll(db)
            for op in operators {
                try CachedOperator(username: op.username, fullName: op.fullName, roles: op.roles,
                                   passwordHash: op.passwordHash, disabled: op.disabled,
                                   centralUpdatedAt: op.updatedAt, refreshedAt: now).insert(db)
            }
        }
    }

    /// The cached operators, by username.
    public func cachedOperators() throws -> [OperatorAccount] {
        try writer.read { db in
            try CachedOperator.order(CachedOperator.Columns.username).fetchAll(db).map(\.account)
        }
    }

    /// When the cache was last refreshed (ISO-8601 UTC), nil if never.
    public func operatorCacheRefreshedAt() throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "SELECT max(refreshed_at) FROM operator_cache") }
    }

    func cachedOperator(_ username: String) throws -> CachedOperator? {
        try writer.read { db in try CachedOperator.fetchOne(db, key: username) }
    }
}
