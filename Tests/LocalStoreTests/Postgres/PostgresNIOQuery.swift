import PostgresNIO

/// Raw SQL for test setup (database and role names cannot be bound as parameters).
enum PostgresNIOQuery {
    static func make(_ sql: String) -> PostgresQuery { PostgresQuery(unsafeSQL: sql) }
}
