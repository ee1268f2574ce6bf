import GRDB

/// An administrator's action on the station's sync (append-only table `admin_actions`).
public struct AdminAction: Sendable, Equatable, Codable, FetchableRecord {
    public var id: Int64
    public var action: String
    public var target: String
    public var `operator`: String
    public var osUser: String
    public var at: String
    public var reason: String

    enum CodingKeys: String, CodingKey {
        case id, action, target, `operator`, at, reason
        case osUser = "os_user"
    }

    static func record(_ db: Database, action: String, target: String, operator: String, osUser: String,
                       at: String, reason: String) throws {
        try db.execute(sql: """
            INSERT INTO admin_actions (action, target, operator, os_user, at, reason) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [action, target, `operator`, osUser, at, reason])
    }
}
