import Testing
@testable import LocalStore

@Suite struct SQLStatementSplitterTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var script: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "two statements", script: "SELECT 1; SELECT 2;", expected: ["SELECT 1", "SELECT 2"]),
        Case(name: "no final semicolon", script: "SELECT 1;\nSELECT 2", expected: ["SELECT 1", "SELECT 2"]),
        Case(name: "empty pieces dropped", script: ";;  ;\n SELECT 1 ;;", expected: ["SELECT 1"]),
        Case(name: "semicolon in string", script: "SELECT 'a;b'; SELECT 2",
             expected: ["SELECT 'a;b'", "SELECT 2"]),
        Case(name: "doubled quote in string", script: "SELECT 'it''s; here'; SELECT 2",
             expected: ["SELECT 'it''s; here'", "SELECT 2"]),
        Case(name: "E string with backslash quote", script: #"SELECT E'a\';b'; SELECT 2"#,
             expected: [#"SELECT E'a\';b'"#, "SELECT 2"]),
        Case(name: "backslash in a plain string is not an escape", script: #"SELECT 'a\'; SELECT 2"#,
             expected: [#"SELECT 'a\'"#, "SELECT 2"]),
        Case(name: "quoted identifier", script: #"SELECT 1 AS "a;b"; SELECT 2"#,
             expected: [#"SELECT 1 AS "a;b""#, "SELECT 2"]),
        Case(name: "line comment", script: "SELECT 1; -- a; b\nSELECT 2;",
             expected: ["SELECT 1", "-- a; b\nSELECT 2"]),
        Case(name: "comment-only piece dropped", script: "SELECT 1;\n-- the end; really\n",
             expected: ["SELECT 1"]),
        Case(name: "block comment", script: "SELECT /* ; */ 1; SELECT 2",
             expected: ["SELECT /* ; */ 1", "SELECT 2"]),
        Case(name: "nested block comment", script: "SELECT /* a /* b; */ c; */ 1; SELECT 2",
             expected: ["SELECT /* a /* b; */ c; */ 1", "SELECT 2"]),
        Case(name: "dollar quoted body", script: "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT 2",
             expected: ["CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql", "SELECT 2"]),
        Case(name: "tagged dollar quote containing $$", script: "DO $fn$ BEGIN EXECUTE $$SELECT 1;$$; END $fn$; SELECT 2",
             expected: ["DO $fn$ BEGIN EXECUTE $$SELECT 1;$$; END $fn$", "SELECT 2"]),
        Case(name: "other tag inside a tagged body", script: "SELECT $a$ x $b$ ; $b$ y; $a$; SELECT 2",
             expected: ["SELECT $a$ x $b$ ; $b$ y; $a$", "SELECT 2"]),
        Case(name: "quotes and comments inside a body are text", script: "SELECT $$ ' -- /* $$; SELECT 2",
             expected: ["SELECT $$ ' -- /* $$", "SELECT 2"]),
        Case(name: "parameters are not dollar quotes", script: "SELECT $1; SELECT $2",
             expected: ["SELECT $1", "SELECT $2"]),
        Case(name: "dollar inside an identifier", script: "SELECT a$b; SELECT 2", expected: ["SELECT a$b", "SELECT 2"]),
        Case(name: "comment markers inside a string", script: "SELECT '-- no', '/* no'; SELECT 2",
             expected: ["SELECT '-- no', '/* no'", "SELECT 2"]),
        Case(name: "accented text", script: "SELECT 'perché;'; SELECT 'città'",
             expected: ["SELECT 'perché;'", "SELECT 'città'"]),
    ]

    @Test(arguments: cases)
    func splits(_ example: Case) throws {
        #expect(try SQLStatementSplitter.split(example.script) == example.expected)
    }

    @Test(arguments: [
        ("SELECT 'open", "stringa"),
        ("SELECT $$ body", "blocco $$"),
        ("SELECT $x$ body $y$", "blocco $x$"),
        ("SELECT 1 /* open /* nested */", "commento"),
        (#"SELECT "open"#, "identificatore"),
    ])
    func refusesUnterminated(script: String, what: String) {
        #expect {
            try SQLStatementSplitter.split(script)
        } throws: { error in
            (error as? SQLStatementSplitter.SplitError)?.description.contains(what) == true
        }
    }

    @Test func reportsTheLineWhereTheUnterminatedPartOpened() {
        #expect(throws: SQLStatementSplitter.SplitError.unterminated(what: "stringa", line: 3)) {
            try SQLStatementSplitter.split("SELECT 1;\nSELECT 2;\nSELECT 'x\n;")
        }
    }

    @Test func splitsTheShippedMigrations() throws {
        for migration in CentralMigrations.all {
            let statements = try SQLStatementSplitter.split(migration.sql)
            #expect(statements.count > 5, "\(migration.name)")
            // One statement per function, none cut in two and none glued to another.
            let functions = migration.sql.components(separatedBy: "CREATE FUNCTION").count - 1
            #expect(statements.filter { $0.contains("CREATE FUNCTION") }.count == functions, "\(migration.name)")
            // Every function body stays in one piece with its LANGUAGE clause.
            for statement in statements where statement.contains("CREATE FUNCTION") {
                #expect(statement.contains("LANGUAGE"))
                #expect(statement.components(separatedBy: "$$").count == 3)
            }
        }
    }
}
