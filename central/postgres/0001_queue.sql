-- Central schema 1: stations, queue configuration, tickets, change log and the queue functions.
-- Every instant comes from the caller's clock as parameters: no function calls now().
-- Station roles may only EXECUTE the functions (SECURITY DEFINER, fixed search_path).

CREATE TABLE sportello.central_station (
    name text PRIMARY KEY,
    role_name text NOT NULL,
    kind text NOT NULL DEFAULT 'counter',
    program_version text,
    schema_version integer,
    last_contact timestamptz
);

-- The office's queue configuration as the station reads it (QueueConfiguration as JSON),
-- plus the two things the claim reads on every call, kept in plain columns.
CREATE TABLE sportello.queue_config (
    id integer PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL,
    doc jsonb NOT NULL,
    interleave integer NOT NULL CHECK (interleave >= 1),
    max_wait_minutes integer
);

CREATE TABLE sportello.queue_counter (
    number integer PRIMARY KEY,
    -- The profile's services, most preferred first; NULL for a counter without profile.
    services text[]
);

CREATE SEQUENCE sportello.queue_ticket_id_seq;
CREATE SEQUENCE sportello.queue_token_seq;
CREATE SEQUENCE sportello.queue_change_seq;

-- One row per ticket: the columns the claim and its indexes need, and the whole ticket
-- (with its history) as the station's model encodes it.
CREATE TABLE sportello.queue_ticket (
    id bigint PRIMARY KEY,
    local_day date NOT NULL,
    prefix text NOT NULL,
    seq integer NOT NULL,
    service_code text NOT NULL,
    is_priority boolean NOT NULL,
    arrival timestamptz NOT NULL,
    state text NOT NULL,
    target_counter integer,
    counter integer,
    token bigint,
    version integer NOT NULL DEFAULT 1,
    doc jsonb NOT NULL
) WITH (
    fillfactor = 80,
    autovacuum_vacuum_threshold = 200,
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_cost_delay = 0,
    autovacuum_analyze_threshold = 1000,
    autovacuum_analyze_scale_factor = 0.05
);

CREATE UNIQUE INDEX queue_ticket_number ON sportello.queue_ticket (local_day, prefix, seq);
-- The claim's lanes: each one index range read in its own order (arrival, seq, id).
CREATE INDEX queue_ticket_line ON sportello.queue_ticket
    (local_day, service_code, is_priority, arrival, seq, id)
    WHERE state IN ('waiting', 'transferred') AND target_counter IS NULL;
CREATE INDEX queue_ticket_parked ON sportello.queue_ticket (local_day, service_code, arrival, seq, id)
    WHERE state = 'parked' AND target_counter IS NULL;
CREATE INDEX queue_ticket_directed ON sportello.queue_ticket (local_day, target_counter, arrival, seq, id)
    WHERE state IN ('waiting', 'parked', 'transferred') AND target_counter IS NOT NULL;
CREATE INDEX queue_ticket_held ON sportello.queue_ticket (counter, local_day)
    WHERE state IN ('called', 'serving');

CREATE TABLE sportello.queue_numbering (
    prefix text NOT NULL,
    local_day date NOT NULL,
    last_seq integer NOT NULL,
    PRIMARY KEY (prefix, local_day)
);

CREATE TABLE sportello.queue_counter_history (
    local_day date NOT NULL,
    counter integer NOT NULL,
    ordinary_since_priority integer,
    PRIMARY KEY (local_day, counter)
) WITH (autovacuum_vacuum_threshold = 200, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_cost_delay = 0);

-- The model's OfficeDay as JSON; staffed and busy repeat what its events say, so that a
-- claim or a release can add its busy/free event without decoding the day.
CREATE TABLE sportello.queue_office_day (
    local_day date PRIMARY KEY,
    version integer NOT NULL,
    closed boolean NOT NULL,
    staffed integer[] NOT NULL DEFAULT '{}',
    busy integer[] NOT NULL DEFAULT '{}',
    doc jsonb NOT NULL
);

-- The change log. A row gets its position when a reader first sees it committed: positions
-- are given by one reader at a time (the head row's lock), in increasing order, so they are
-- dense and a reader that saw position p never misses a change that commits later, whatever
-- the order in which the writers took their sequence numbers. Writers never touch the head.
CREATE TABLE sportello.queue_change (
    seq bigint PRIMARY KEY DEFAULT nextval('sportello.queue_change_seq'),
    position bigint UNIQUE,
    kind text NOT NULL,
    at double precision NOT NULL,
    ticket jsonb NOT NULL
) WITH (autovacuum_vacuum_threshold = 500, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_cost_delay = 0);
CREATE INDEX queue_change_unpublished ON sportello.queue_change (seq) WHERE position IS NULL;

CREATE TABLE sportello.queue_change_head (
    id integer PRIMARY KEY CHECK (id = 1),
    last_position bigint NOT NULL
);
INSERT INTO sportello.queue_change_head VALUES (1, 0);

-- Internal: the columns of a ticket row from its document.
CREATE FUNCTION sportello.queue_ticket_columns_ok(p_doc jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT p_doc ? 'id' AND p_doc ? 'state' AND p_doc ? 'serviceCode' AND p_doc ? 'number'
$$;

-- Internal: one change row and its notification, in the caller's transaction.
-- A transaction that notifies holds PostgreSQL's notify lock from its pre-commit until its
-- commit record is flushed, so notifying writers commit one at a time (measured here: 190
-- commits/s against 7,500 without). The notification is therefore coalesced: a writer
-- notifies unless another notifying writer of this database is still in flight (advisory
-- lock taken without waiting); that writer's notification wakes the listeners, who then read
-- every committed change. A change committed just after their read is picked up by the next
-- notification or by their poll.
CREATE FUNCTION sportello.queue_log(p_kind text, p_at double precision, p_ticket jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = sportello, pg_temp AS $$
DECLARE
    v_seq bigint;
BEGIN
    INSERT INTO queue_change (kind, at, ticket) VALUES (p_kind, p_at, p_ticket) RETURNING seq INTO v_seq;
    IF pg_try_advisory_xact_lock(5350434551) THEN
        PERFORM pg_notify('sportello_queue', v_seq::text);
    END IF;
END
$$;

-- Internal: busy/free events of staffed counters in the office day.
CREATE FUNCTION sportello.queue_counter_event(p_day date, p_counter integer, p_at double precision,
                                              p_busy boolean, p_ticket bigint) RETURNS void
LANGUAGE plpgsql SET search_path = sportello, pg_temp AS $$
DECLARE
    v_event jsonb;
BEGIN
    IF p_busy THEN
        v_event := jsonb_build_object('counter', p_counter, 'at', p_at,
                                      'kind', jsonb_build_object('busy', jsonb_build_object('ticketID', p_ticket)));
        UPDATE queue_office_day
           SET doc = jsonb_set(doc, '{events}', coalesce(doc->'events', '[]'::jsonb) || v_event),
               busy = array_append(busy, p_counter), version = version + 1
         WHERE local_day = p_day AND NOT closed AND p_counter = ANY (staffed) AND NOT p_counter = ANY (busy);
    ELSE
        v_event := jsonb_build_object('counter', p_counter, 'at', p_at, 'kind', jsonb_build_object('free', '{}'::jsonb));
        UPDATE queue_office_day
           SET doc = jsonb_set(doc, '{events}', coalesce(doc->'events', '[]'::jsonb) || v_event),
               busy = array_remove(busy, p_counter), version = version + 1
         WHERE local_day = p_day AND NOT closed AND p_counter = ANY (staffed) AND p_counter = ANY (busy);
    END IF;
END
$$;

-- Internal: writes a ticket row from its document (insert or update).
CREATE FUNCTION sportello.queue_ticket_put(p_doc jsonb, p_day date, p_arrival timestamptz) RETURNS integer
LANGUAGE plpgsql SET search_path = sportello, pg_temp AS $$
DECLARE
    v_version integer;
BEGIN
    INSERT INTO queue_ticket AS t (id, local_day, prefix, seq, service_code, is_priority, arrival, state,
                                   target_counter, counter, token, version, doc)
    VALUES ((p_doc->>'id')::bigint, p_day, p_doc->'number'->>'prefix', (p_doc->'number'->>'seq')::integer,
            p_doc->>'serviceCode', p_doc ? 'priority', p_arrival, p_doc->>'state',
            (p_doc->>'targetCounter')::integer, (p_doc->>'counter')::integer, (p_doc->>'token')::bigint, 1, p_doc)
    ON CONFLICT (id) DO UPDATE
       SET service_code = excluded.service_code, is_priority = excluded.is_priority, state = excluded.state,
           target_counter = excluded.target_counter, counter = excluded.counter, token = excluded.token,
           version = t.version + 1, doc = excluded.doc
    RETURNING version INTO v_version;
    RETURN v_version;
END
$$;

-- Replaces the configuration (the station checked it with the model's validation).
CREATE FUNCTION sportello.queue_config_put(p_doc jsonb, p_interleave integer, p_max_wait integer,
                                           p_counters jsonb) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
DECLARE
    v_version bigint;
BEGIN
    INSERT INTO queue_config AS c (id, version, doc, interleave, max_wait_minutes)
    VALUES (1, 1, p_doc, p_interleave, p_max_wait)
    ON CONFLICT (id) DO UPDATE SET version = c.version + 1, doc = excluded.doc,
        interleave = excluded.interleave, max_wait_minutes = excluded.max_wait_minutes
    RETURNING version INTO v_version;
    DELETE FROM queue_counter;
    INSERT INTO queue_counter (number, services)
    SELECT (e->>'number')::integer,
           CASE WHEN e->'services' = 'null'::jsonb THEN NULL
                ELSE ARRAY(SELECT jsonb_array_elements_text(e->'services')) END
      FROM jsonb_array_elements(p_counters) e;
    RETURN v_version;
END
$$;

CREATE FUNCTION sportello.queue_config_get() RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
    SELECT jsonb_build_object('version', version, 'doc', doc) FROM queue_config WHERE id = 1
$$;

-- Issue: numbering, id, people ahead and estimate set here, in one transaction.
-- p_doc is the new ticket as the model builds it (id and seq still 0).
CREATE FUNCTION sportello.queue_issue(p_doc jsonb, p_day date, p_arrival timestamptz,
                                      p_typical integer, p_serving_counters integer) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
DECLARE
    v_service text := p_doc->>'serviceCode';
    v_prefix text := p_doc->'number'->>'prefix';
    v_seq integer;
    v_id bigint;
    v_ahead integer;
    v_doc jsonb;
BEGIN
    IF EXISTS (SELECT 1 FROM queue_office_day WHERE local_day = p_day AND closed) THEN
        RAISE EXCEPTION 'office day closed' USING ERRCODE = 'SQ001';
    END IF;
    INSERT INTO queue_numbering AS n (prefix, local_day, last_seq) VALUES (v_prefix, p_day, 1)
    ON CONFLICT (prefix, local_day) DO UPDATE SET last_seq = n.last_seq + 1
    RETURNING last_seq INTO v_seq;
    SELECT count(*) INTO v_ahead FROM queue_ticket
     WHERE local_day = p_day AND service_code = v_service AND target_counter IS NULL
       AND state IN ('waiting', 'transferred', 'parked');
    v_id := nextval('queue_ticket_id_seq');
    v_doc := p_doc || jsonb_build_object(
        'id', v_id,
        'number', jsonb_build_object('prefix', v_prefix, 'seq', v_seq),
        'peopleAheadAtIssue', v_ahead,
        'estimatedWaitMinutes', v_ahead * p_typical / greatest(1, p_serving_counters));
    PERFORM queue_ticket_put(v_doc, p_day, p_arrival);
    PERFORM queue_log('issue', (v_doc->>'arrival')::double precision, v_doc);
    RETURN v_doc;
END
$$;

-- Many waiting tickets of one service at once (loads and benchmarks), numbered as by issue.
CREATE FUNCTION sportello.queue_issue_bulk(p_doc jsonb, p_day date, p_arrival timestamptz, p_count integer,
                                           p_priority_every integer, p_priority text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
DECLARE
    v_prefix text := p_doc->'number'->>'prefix';
    v_first integer;
BEGIN
    IF EXISTS (SELECT 1 FROM queue_office_day WHERE local_day = p_day AND closed) THEN
        RAISE EXCEPTION 'office day closed' USING ERRCODE = 'SQ001';
    END IF;
    INSERT INTO queue_numbering AS n (prefix, local_day, last_seq) VALUES (v_prefix, p_day, p_count)
    ON CONFLICT (prefix, local_day) DO UPDATE SET last_seq = n.last_seq + p_count
    RETURNING last_seq - p_count + 1 INTO v_first;
    WITH made AS (
        SELECT nextval('queue_ticket_id_seq') AS id, v_first + i AS seq,
               (p_priority_every > 0 AND i % p_priority_every = 0) AS prio
          FROM generate_series(0, p_count - 1) AS i
    ), docs AS (
        SELECT id, seq, prio,
               CASE WHEN prio THEN jsonb_set(p_doc, '{history,0,detail}', to_jsonb(p_priority)) || jsonb_build_object('priority', p_priority)
                    ELSE p_doc END
               || jsonb_build_object('id', id, 'number', jsonb_build_object('prefix', v_prefix, 'seq', seq)) AS doc
          FROM made
    ), ins AS (
        INSERT INTO queue_ticket (id, local_day, prefix, seq, service_code, is_priority, arrival, state, doc)
        SELECT id, p_day, v_prefix, seq, p_doc->>'serviceCode', prio, p_arrival, 'waiting', doc FROM docs
        RETURNING doc
    )
    INSERT INTO queue_change (kind, at, ticket) SELECT 'issue', (doc->>'arrival')::double precision, doc FROM ins;
    PERFORM pg_notify('sportello_queue', 'bulk');
    RETURN p_count;
END
$$;

-- The claim: one call, one transaction. Next by the call rule (lane heads with
-- FOR UPDATE SKIP LOCKED, ranked like CallRank) or a specific number of today; new fencing
-- token; counter history; busy event of a staffed counter; change row and notification.
-- Answers {"status": "claimed" | "empty" | "busy" | "refused" | "unknown_number" |
-- "unknown_counter" | "no_profile" | "day_closed", "ticket": ..., "token": ...}.
CREATE FUNCTION sportello.queue_claim(p_counter integer, p_operator text, p_prefix text, p_seq integer,
                                      p_day date, p_now timestamptz, p_now_epoch double precision)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
DECLARE
    v_services text[];
    v_interleave integer;
    v_max_wait integer;
    v_cutoff timestamptz;
    v_since integer;
    v_due boolean;
    v_held queue_ticket;
    v_row queue_ticket;
    v_best queue_ticket;
    v_best_rank bigint[];
    v_rank bigint[];
    v_tier integer;
    v_pos integer;
    v_prio boolean;
    v_token bigint;
    v_doc jsonb;
    v_event jsonb;
BEGIN
    SELECT services INTO v_services FROM queue_counter WHERE number = p_counter;
    IF NOT FOUND THEN RETURN jsonb_build_object('status', 'unknown_counter'); END IF;
    IF v_services IS NULL THEN RETURN jsonb_build_object('status', 'no_profile'); END IF;
    IF EXISTS (SELECT 1 FROM queue_office_day WHERE local_day = p_day AND closed) THEN
        RETURN jsonb_build_object('status', 'day_closed');
    END IF;
    -- One claim at a time per counter: its history row is the counter's lock for the day.
    INSERT INTO queue_counter_history (local_day, counter) VALUES (p_day, p_counter) ON CONFLICT DO NOTHING;
    SELECT ordinary_since_priority INTO v_since FROM queue_counter_history
     WHERE local_day = p_day AND counter = p_counter FOR UPDATE;
    SELECT * INTO v_held FROM queue_ticket
     WHERE counter = p_counter AND local_day = p_day AND state IN ('called', 'serving') LIMIT 1;
    IF FOUND THEN RETURN jsonb_build_object('status', 'busy', 'ticket', v_held.doc); END IF;

    IF p_prefix IS NOT NULL THEN
        SELECT * INTO v_best FROM queue_ticket WHERE local_day = p_day AND prefix = p_prefix AND seq = p_seq FOR UPDATE;
        IF NOT FOUND THEN RETURN jsonb_build_object('status', 'unknown_number'); END IF;
        IF v_best.state NOT IN ('waiting', 'parked', 'transferred')
           OR (v_best.target_counter IS NOT NULL AND v_best.target_counter <> p_counter) THEN
            RETURN jsonb_build_object('status', 'refused', 'ticket', v_best.doc);
        END IF;
    ELSE
        SELECT interleave, max_wait_minutes INTO v_interleave, v_max_wait FROM queue_config WHERE id = 1;
        v_cutoff := CASE WHEN v_max_wait IS NULL THEN NULL ELSE p_now - make_interval(mins => v_max_wait) END;
        v_due := v_since IS NULL OR v_since >= greatest(1, v_interleave) - 1;
        -- Directed to this counter: tier 0.
        SELECT * INTO v_row FROM queue_ticket
         WHERE local_day = p_day AND target_counter = p_counter AND state IN ('waiting', 'parked', 'transferred')
         ORDER BY local_day, target_counter, arrival, seq, id LIMIT 1 FOR UPDATE SKIP LOCKED;
        IF FOUND THEN
            v_best := v_row;
            v_best_rank := ARRAY[0, 0, 0]::bigint[];
        END IF;
        FOR v_pos IN 1 .. coalesce(array_length(v_services, 1), 0) LOOP
            EXIT WHEN v_best_rank IS NOT NULL AND v_best_rank[1] = 0;
            SELECT * INTO v_row FROM queue_ticket
             WHERE local_day = p_day AND service_code = v_services[v_pos] AND state = 'parked' AND target_counter IS NULL
             ORDER BY local_day, service_code, arrival, seq, id LIMIT 1 FOR UPDATE SKIP LOCKED;
            IF FOUND AND (v_best_rank IS NULL OR ARRAY[1, 0, 0]::bigint[] < v_best_rank
                          OR (v_best_rank[1] = 1 AND (v_row.arrival, v_row.seq, v_row.id) < (v_best.arrival, v_best.seq, v_best.id))) THEN
                v_best := v_row;
                v_best_rank := ARRAY[1, 0, 0]::bigint[];
            END IF;
            FOREACH v_prio IN ARRAY ARRAY[true, false] LOOP
                SELECT * INTO v_row FROM queue_ticket
                 WHERE local_day = p_day AND service_code = v_services[v_pos] AND is_priority = v_prio
                   AND state IN ('waiting', 'transferred') AND target_counter IS NULL
                 ORDER BY local_day, service_code, is_priority, arrival, seq, id LIMIT 1 FOR UPDATE SKIP LOCKED;
                CONTINUE WHEN NOT FOUND;
                IF v_cutoff IS NOT NULL AND v_row.arrival <= v_cutoff THEN
                    v_rank := ARRAY[2, 0, 0]::bigint[];
                ELSE
                    v_rank := ARRAY[3, v_pos - 1, CASE WHEN v_due AND NOT v_prio THEN 1 ELSE 0 END]::bigint[];
                END IF;
                IF v_best_rank IS NULL OR v_rank < v_best_rank
                   OR (v_rank = v_best_rank AND (v_row.arrival, v_row.seq, v_row.id) < (v_best.arrival, v_best.seq, v_best.id)) THEN
                    v_best := v_row;
                    v_best_rank := v_rank;
                END IF;
            END LOOP;
        END LOOP;
        IF v_best_rank IS NULL THEN RETURN jsonb_build_object('status', 'empty'); END IF;
    END IF;

    v_token := nextval('queue_token_seq');
    v_event := jsonb_build_object('kind', 'call', 'at', p_now_epoch, 'from', v_best.state, 'to', 'called',
                                  'counter', p_counter);
    IF p_operator IS NOT NULL THEN v_event := v_event || jsonb_build_object('operatorID', p_operator); END IF;
    v_doc := (v_best.doc - 'targetCounter' - 'operatorID') || jsonb_build_object(
        'state', 'called', 'token', v_token, 'counter', p_counter, 'recallCount', 0,
        'stateSince', p_now_epoch,
        'firstCalledAt', coalesce(v_best.doc->'firstCalledAt', to_jsonb(p_now_epoch)),
        'history', (v_best.doc->'history') || v_event);
    IF p_operator IS NOT NULL THEN v_doc := v_doc || jsonb_build_object('operatorID', p_operator); END IF;
    UPDATE queue_ticket SET state = 'called', token = v_token, counter = p_counter, target_counter = NULL,
                            version = version + 1, doc = v_doc
     WHERE id = v_best.id;
    UPDATE queue_counter_history
       SET ordinary_since_priority = CASE WHEN v_best.is_priority THEN 0 ELSE ordinary_since_priority + 1 END
     WHERE local_day = p_day AND counter = p_counter;
    PERFORM queue_counter_event(p_day, p_counter, p_now_epoch, true, v_best.id);
    PERFORM queue_log('call', p_now_epoch, v_doc);
    RETURN jsonb_build_object('status', 'claimed', 'ticket', v_doc, 'token', v_token, 'version', v_best.version + 1);
END
$$;

-- A ticket with its row version (transitions are decided by the station's model on this
-- document and written back with queue_ticket_write, which refuses a changed row).
CREATE FUNCTION sportello.queue_ticket_get(p_id bigint) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
    SELECT jsonb_build_object('ticket', doc, 'version', version) FROM queue_ticket WHERE id = p_id
$$;

CREATE FUNCTION sportello.queue_ticket_by_number(p_day date, p_prefix text, p_seq integer) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
    SELECT doc FROM queue_ticket WHERE local_day = p_day AND prefix = p_prefix AND seq = p_seq
$$;

-- Writes a transition: compare-and-swap on the row version; a ticket held by a counter can
-- only change with its current token (the fence is checked here too, not only by the
-- station). p_release: the counter whose ticket left it (free event when staffed).
CREATE FUNCTION sportello.queue_ticket_write(p_id bigint, p_version integer, p_doc jsonb, p_token bigint,
                                             p_kind text, p_at double precision, p_release integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
DECLARE
    v_row queue_ticket;
    v_version integer;
BEGIN
    SELECT * INTO v_row FROM queue_ticket WHERE id = p_id FOR UPDATE;
    IF NOT FOUND OR v_row.version <> p_version THEN
        RAISE EXCEPTION 'ticket % changed', p_id USING ERRCODE = 'SQ409';
    END IF;
    IF v_row.state IN ('called', 'serving') AND p_token IS DISTINCT FROM v_row.token THEN
        RAISE EXCEPTION 'stale token for ticket %', p_id USING ERRCODE = 'SQ403';
    END IF;
    IF (p_doc->>'id')::bigint <> p_id OR (p_doc->'number'->>'seq')::integer <> v_row.seq
       OR (p_doc->'number'->>'prefix') <> v_row.prefix THEN
        RAISE EXCEPTION 'ticket % identity changed', p_id USING ERRCODE = 'SQ422';
    END IF;
    v_version := queue_ticket_put(p_doc, v_row.local_day, v_row.arrival);
    IF p_release IS NOT NULL THEN
        PERFORM queue_counter_event(v_row.local_day, p_release, p_at, false, NULL);
    END IF;
    PERFORM queue_log(p_kind, p_at, p_doc);
    RETURN v_version;
END
$$;

-- Changes after a position: first gives positions to the committed rows that have none yet
-- (in sequence order), then answers a page.
CREATE FUNCTION sportello.queue_changes(p_after bigint, p_limit integer) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
DECLARE
    v_last bigint;
    v_page jsonb;
    v_more boolean;
BEGIN
    SELECT last_position INTO v_last FROM queue_change_head WHERE id = 1 FOR UPDATE;
    WITH ready AS (
        SELECT seq, row_number() OVER (ORDER BY seq) AS n FROM queue_change WHERE position IS NULL
    ), given AS (
        UPDATE queue_change c SET position = v_last + r.n FROM ready r WHERE c.seq = r.seq RETURNING c.position
    )
    SELECT coalesce(max(position), v_last) INTO v_last FROM given;
    UPDATE queue_change_head SET last_position = v_last WHERE id = 1;
    SELECT coalesce(jsonb_agg(jsonb_build_object('position', position, 'kind', kind, 'at', at, 'ticket', ticket)
                              ORDER BY position), '[]'::jsonb)
      INTO v_page
      FROM (SELECT * FROM queue_change WHERE position > p_after ORDER BY position LIMIT greatest(1, p_limit)) c;
    SELECT EXISTS (SELECT 1 FROM queue_change WHERE position > p_after OFFSET greatest(1, p_limit)) INTO v_more;
    RETURN jsonb_build_object('changes', v_page, 'has_more', v_more);
END
$$;

-- What the status panel needs of a day: its callable and held tickets and the office day.
CREATE FUNCTION sportello.queue_day_get(p_day date) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
    SELECT jsonb_build_object(
        'tickets', coalesce((SELECT jsonb_agg(doc ORDER BY id) FROM queue_ticket
                              WHERE local_day = p_day
                                AND state IN ('waiting', 'parked', 'transferred', 'called', 'serving')), '[]'::jsonb),
        'office', (SELECT doc FROM queue_office_day WHERE local_day = p_day),
        'office_version', coalesce((SELECT version FROM queue_office_day WHERE local_day = p_day), 0))
$$;

CREATE FUNCTION sportello.queue_day_closed(p_day date) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
    SELECT coalesce((SELECT closed FROM queue_office_day WHERE local_day = p_day), false)
$$;

-- Open tickets up to a day (closing the office closes the waiting ones).
CREATE FUNCTION sportello.queue_open_tickets(p_day date) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object('ticket', doc, 'version', version) ORDER BY id), '[]'::jsonb)
      FROM queue_ticket
     WHERE local_day <= p_day
       AND (state IN ('waiting', 'parked', 'transferred') OR (local_day = p_day AND state IN ('called', 'serving')))
$$;

-- Writes the office day decided by the station's model (compare-and-swap on its version);
-- p_tickets: tickets closed with it [{"ticket", "version"}], each logged.
CREATE FUNCTION sportello.queue_office_day_write(p_day date, p_version integer, p_doc jsonb, p_closed boolean,
                                                 p_staffed integer[], p_busy integer[], p_tickets jsonb,
                                                 p_kind text, p_at double precision) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
DECLARE
    v_version integer;
    v_item jsonb;
    v_row queue_ticket;
BEGIN
    IF p_version = 0 THEN
        INSERT INTO queue_office_day (local_day, version, closed, staffed, busy, doc)
        VALUES (p_day, 1, p_closed, p_staffed, p_busy, p_doc) ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN RAISE EXCEPTION 'office day changed' USING ERRCODE = 'SQ409'; END IF;
        v_version := 1;
    ELSE
        UPDATE queue_office_day SET version = version + 1, closed = p_closed, staffed = p_staffed,
                                    busy = p_busy, doc = p_doc
         WHERE local_day = p_day AND version = p_version
        RETURNING version INTO v_version;
        IF NOT FOUND THEN RAISE EXCEPTION 'office day changed' USING ERRCODE = 'SQ409'; END IF;
    END IF;
    FOR v_item IN SELECT * FROM jsonb_array_elements(coalesce(p_tickets, '[]'::jsonb)) LOOP
        SELECT * INTO v_row FROM queue_ticket WHERE id = (v_item->'ticket'->>'id')::bigint FOR UPDATE;
        IF NOT FOUND OR v_row.version <> (v_item->>'version')::integer THEN
            RAISE EXCEPTION 'ticket changed' USING ERRCODE = 'SQ409';
        END IF;
        PERFORM queue_ticket_put(v_item->'ticket', v_row.local_day, v_row.arrival);
        PERFORM queue_log(p_kind, p_at, v_item->'ticket');
    END LOOP;
    RETURN v_version;
END
$$;

-- A station says hello: its program and schema versions and the time of contact.
CREATE FUNCTION sportello.central_contact(p_program text, p_schema integer, p_at timestamptz) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
BEGIN
    UPDATE central_station SET program_version = p_program, schema_version = p_schema, last_contact = p_at
     WHERE role_name = session_user;
    RETURN (SELECT max(version) FROM central_migration);
END
$$;

-- Nobody but the owner calls a function unless granted (central init grants the station
-- functions to the stations' group role).
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA sportello FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA sportello FROM PUBLIC;
