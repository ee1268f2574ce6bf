-- Central schema 4: the responsabile's report (docs/REPORT.md).
-- Stations read a range's facts through queue_report_get: stored per-day summaries for closed
-- days, and for every other day its tickets and office day, from which the station's model
-- computes the same facts. A closed day whose tickets are all finished gets its summary
-- written back by the station (queue_report_day_put), checked against what it read.

-- One closed day's report facts in the station's binary form (ReportDaySummaryCodec).
CREATE TABLE sportello.queue_report_day (
    local_day date PRIMARY KEY,
    format integer NOT NULL,
    facts bytea NOT NULL
);

-- A summary is dropped as soon as its day changes. Only finished tickets and closed days can
-- have one, so the triggers filter on that in their WHEN clause: the queue's usual writes
-- (waiting, called, serving tickets; open days) never run the trigger function.
CREATE FUNCTION sportello.queue_report_day_forget() RETURNS trigger
LANGUAGE plpgsql SET search_path = sportello, pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM queue_report_day WHERE local_day = OLD.local_day;
    ELSE
        DELETE FROM queue_report_day WHERE local_day = NEW.local_day;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER queue_report_day_ticket_update AFTER UPDATE ON sportello.queue_ticket
    FOR EACH ROW WHEN (OLD.state IN ('done', 'no_show', 'cancelled'))
    EXECUTE FUNCTION sportello.queue_report_day_forget();
-- Issue refuses a closed day, but a ticket issued while the day was closing must not be missed.
CREATE TRIGGER queue_report_day_ticket_insert AFTER INSERT ON sportello.queue_ticket
    FOR EACH ROW EXECUTE FUNCTION sportello.queue_report_day_forget();
CREATE TRIGGER queue_report_day_office_update AFTER UPDATE ON sportello.queue_office_day
    FOR EACH ROW WHEN (OLD.closed OR NEW.closed)
    EXECUTE FUNCTION sportello.queue_report_day_forget();
CREATE TRIGGER queue_report_day_office_delete AFTER DELETE ON sportello.queue_office_day
    FOR EACH ROW EXECUTE FUNCTION sportello.queue_report_day_forget();

-- What the report of p_from..p_to needs, in one snapshot:
-- {"summaries": [{"day", "facts" (hex)}],                    closed days already summarised
--  "office_days": [{"day", "version", "closed", "doc"}],     the other days' office days
--  "tickets": [doc, ...],                                     the other days' tickets
--  "days": [{"day", "tickets", "versions", "open"}]}          per other day: count and sum of
--                                                             row versions, unfinished tickets
CREATE FUNCTION sportello.queue_report_get(p_from date, p_to date, p_format integer) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
    WITH summarised AS (
        SELECT local_day, facts FROM queue_report_day
         WHERE local_day BETWEEN p_from AND p_to AND format = p_format
    ), missing AS (
        -- Only the days without a summary are looked up in the tickets (by their day index).
        SELECT d::date AS local_day FROM generate_series(p_from::timestamp, p_to::timestamp, interval '1 day') AS d
         WHERE NOT EXISTS (SELECT 1 FROM summarised s WHERE s.local_day = d::date)
    ), other AS (
        SELECT t.local_day, t.doc, t.version, t.state, t.id FROM queue_ticket t
         WHERE t.local_day = ANY (ARRAY(SELECT local_day FROM missing))
    )
    SELECT jsonb_build_object(
        'summaries', coalesce((SELECT jsonb_agg(jsonb_build_object('day', local_day, 'facts', encode(facts, 'hex'))
                                                ORDER BY local_day) FROM summarised), '[]'::jsonb),
        'office_days', coalesce((SELECT jsonb_agg(jsonb_build_object('day', d.local_day, 'version', d.version,
                                                                     'closed', d.closed, 'doc', d.doc)
                                                  ORDER BY d.local_day)
                                   FROM queue_office_day d
                                  WHERE d.local_day BETWEEN p_from AND p_to
                                    AND NOT EXISTS (SELECT 1 FROM summarised s WHERE s.local_day = d.local_day)),
                                '[]'::jsonb),
        'tickets', coalesce((SELECT jsonb_agg(doc ORDER BY id) FROM other), '[]'::jsonb),
        'days', coalesce((SELECT jsonb_agg(jsonb_build_object('day', local_day, 'tickets', n, 'versions', v,
                                                              'open', o) ORDER BY local_day)
                            FROM (SELECT local_day, count(*) AS n, sum(version) AS v,
                                         count(*) FILTER (WHERE state NOT IN ('done', 'no_show', 'cancelled')) AS o
                                    FROM other GROUP BY local_day) g), '[]'::jsonb))
$$;

-- Stores the summary of a closed day computed by a station from what queue_report_get gave:
-- only if the day is still closed at that office-day version and its tickets are the same
-- (count and sum of row versions), and either all finished or the day is over (p_today, the
-- station's day, is later): tickets left at a counter after the closing can still be closed
-- on their day, and only finished tickets' changes drop a summary (see the triggers), while
-- stations never change a ticket of a past day. Answers whether it was stored.
CREATE FUNCTION sportello.queue_report_day_put(p_day date, p_format integer, p_facts bytea,
                                               p_office_version integer, p_tickets bigint, p_versions bigint,
                                               p_today date)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
DECLARE
    v_tickets bigint;
    v_versions bigint;
    v_open bigint;
BEGIN
    -- The office day's row lock keeps its closing and the day's tickets as checked here.
    PERFORM 1 FROM queue_office_day WHERE local_day = p_day AND closed AND version = p_office_version FOR SHARE;
    IF NOT FOUND THEN RETURN false; END IF;
    SELECT count(*), coalesce(sum(version), 0),
           count(*) FILTER (WHERE state NOT IN ('done', 'no_show', 'cancelled'))
      INTO v_tickets, v_versions, v_open
      FROM queue_ticket WHERE local_day = p_day;
    IF v_tickets <> p_tickets OR v_versions <> p_versions OR (v_open > 0 AND p_day >= p_today) THEN
        RETURN false;
    END IF;
    INSERT INTO queue_report_day AS r (local_day, format, facts) VALUES (p_day, p_format, p_facts)
    ON CONFLICT (local_day) DO UPDATE SET format = excluded.format, facts = excluded.facts;
    RETURN true;
END
$$;

REVOKE ALL ON FUNCTION sportello.queue_report_get(date, date, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION sportello.queue_report_day_put(date, integer, bytea, integer, bigint, bigint, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION sportello.queue_report_day_forget() FROM PUBLIC;
REVOKE ALL ON sportello.queue_report_day FROM PUBLIC;
