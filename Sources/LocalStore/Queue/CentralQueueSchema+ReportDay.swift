import GRDB

extension CentralQueueSchema {
    /// One row per closed office day: the day's report facts (`ReportDaySummaryCodec`),
    /// written by `closeOffice` in its transaction, so that a report over a year reads 250
    /// small rows instead of 375,000 tickets and their events (docs/REPORT.md).
    ///
    /// A summary holds only while nothing of its day changes: triggers delete it when a
    /// ticket of that day is inserted or updated (a ticket's day never changes; a ticket
    /// still at a counter when the office closed is finished later; its events come with an
    /// update of the ticket row) or when the office day's row changes. The report then computes that day from its
    /// tickets and writes the summary again. Days closed before this step have no summary
    /// and are summarised the same way, by the first report that covers them.
    static func createReportDayTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE queue_report_day (
              local_day TEXT PRIMARY KEY NOT NULL,
              format INTEGER NOT NULL,
              facts BLOB NOT NULL
            ) WITHOUT ROWID;
            CREATE TRIGGER queue_report_day_ticket_insert AFTER INSERT ON queue_ticket
            BEGIN DELETE FROM queue_report_day WHERE local_day = NEW.local_day; END;
            CREATE TRIGGER queue_report_day_ticket_update AFTER UPDATE ON queue_ticket
            BEGIN DELETE FROM queue_report_day WHERE local_day = NEW.local_day; END;
            CREATE TRIGGER queue_report_day_office_insert AFTER INSERT ON queue_office_day
            BEGIN DELETE FROM queue_report_day WHERE local_day = NEW.local_day; END;
            CREATE TRIGGER queue_report_day_office_update AFTER UPDATE ON queue_office_day
            BEGIN DELETE FROM queue_report_day WHERE local_day = NEW.local_day; END;
            CREATE TRIGGER queue_report_day_office_delete AFTER DELETE ON queue_office_day
            BEGIN DELETE FROM queue_report_day WHERE local_day = OLD.local_day; END;
            """)
    }
}
