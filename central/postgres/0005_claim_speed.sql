-- Central schema 5: a leaner claim and ticket write (same answers, same locks).
-- Measured with pg_stat_statements (track = all) under `bench claims`: the claim spent about
-- 0.65 ms in the server, of which the nested helper calls (change row and notification, busy
-- event: each a plpgsql call with its own search_path switch), the copies of whole ticket rows
-- (with their JSON documents) for every lane head looked at, and an INSERT … ON CONFLICT into
-- the counter's history row on every call. Here the lane heads are read as (id, arrival, seq)
-- only and the winner's row once; the history row is inserted only on the counter's first claim
-- of the day; the change row, the coalesced notification and the busy/free event are written
-- inline. The ticket write updates the row it has locked instead of going through the upsert.

CREATE OR REPLACE FUNCTION sportello.queue_claim(p_counter integer, p_operator text, p_prefix text, p_seq integer,
                                                 p_day date, p_now timestamptz, p_now_epoch double precision)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $fn$
DECLARE
    v_services text[];
    v_interleave integer;
    v_max_wait integer;
    v_cutoff timestamptz;
    v_since integer;
    v_due boolean;
    v_held jsonb;
    v_row queue_ticket;
    v_id bigint;
    v_arrival timestamptz;
    v_seq integer;
    v_best_id bigint;
    v_best_arrival timestamptz;
    v_best_seq integer;
    v_best_rank integer[];
    v_rank integer[];
    v_pos integer;
    v_prio boolean;
    v_token bigint;
    v_doc jsonb;
    v_event jsonb;
    v_change bigint;
BEGIN
    SELECT services INTO v_services FROM queue_counter WHERE number = p_counter;
    IF NOT FOUND THEN RETURN jsonb_build_object('status', 'unknown_counter'); END IF;
    IF v_services IS NULL THEN RETURN jsonb_build_object('status', 'no_profile'); END IF;
    IF EXISTS (SELECT 1 FROM queue_office_day WHERE local_day = p_day AND closed) THEN
        RETURN jsonb_build_object('status', 'day_closed');
    END IF;
    -- One claim at a time per counter: its history row is the counter's lock for the day.
    SELECT ordinary_since_priority INTO v_since FROM queue_counter_history
     WHERE local_day = p_day AND counter = p_counter FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO queue_counter_history (local_day, counter) VALUES (p_day, p_counter) ON CONFLICT DO NOTHING;
        SELECT ordinary_since_priority INTO v_since FROM queue_counter_history
         WHERE local_day = p_day AND counter = p_counter FOR UPDATE;
    END IF;
    SELECT doc INTO v_held FROM queue_ticket
     WHERE counter = p_counter AND local_day = p_day AND state IN ('called', 'serving') LIMIT 1;
    IF FOUND THEN RETURN jsonb_build_object('status', 'busy', 'ticket', v_held); END IF;

    IF p_prefix IS NOT NULL THEN
        SELECT * INTO v_row FROM queue_ticket WHERE local_day = p_day AND prefix = p_prefix AND seq = p_seq FOR UPDATE;
        IF NOT FOUND THEN RETURN jsonb_build_object('status', 'unknown_number'); END IF;
        IF v_row.state NOT IN ('waiting', 'parked', 'transferred')
           OR (v_row.target_counter IS NOT NULL AND v_row.target_counter <> p_counter) THEN
            RETURN jsonb_build_object('status', 'refused', 'ticket', v_row.doc);
        END IF;
    ELSE
        SELECT interleave, max_wait_minutes INTO v_interleave, v_max_wait FROM queue_config WHERE id = 1;
        v_cutoff := CASE WHEN v_max_wait IS NULL THEN NULL ELSE p_now - make_interval(mins => v_max_wait) END;
        v_due := v_since IS NULL OR v_since >= greatest(1, v_interleave) - 1;
        -- Directed to this counter: tier 0.
        SELECT id, arrival, seq INTO v_best_id, v_best_arrival, v_best_seq FROM queue_ticket
         WHERE local_day = p_day AND target_counter = p_counter AND state IN ('waiting', 'parked', 'transferred')
         ORDER BY local_day, target_counter, arrival, seq, id LIMIT 1 FOR UPDATE SKIP LOCKED;
        IF FOUND THEN v_best_rank := ARRAY[0, 0, 0]; END IF;
        FOR v_pos IN 1 .. coalesce(array_length(v_services, 1), 0) LOOP
            EXIT WHEN v_best_rank IS NOT NULL AND v_best_rank[1] = 0;
            SELECT id, arrival, seq INTO v_id, v_arrival, v_seq FROM queue_ticket
             WHERE local_day = p_day AND service_code = v_services[v_pos] AND state = 'parked' AND target_counter IS NULL
             ORDER BY local_day, service_code, arrival, seq, id LIMIT 1 FOR UPDATE SKIP LOCKED;
            IF FOUND AND (v_best_rank IS NULL OR ARRAY[1, 0, 0] < v_best_rank
                          OR (v_best_rank[1] = 1 AND (v_arrival, v_seq, v_id) < (v_best_arrival, v_best_seq, v_best_id))) THEN
                v_best_id := v_id;
                v_best_arrival := v_arrival;
                v_best_seq := v_seq;
                v_best_rank := ARRAY[1, 0, 0];
            END IF;
            FOREACH v_prio IN ARRAY ARRAY[true, false] LOOP
                SELECT id, arrival, seq INTO v_id, v_arrival, v_seq FROM queue_ticket
                 WHERE local_day = p_day AND service_code = v_services[v_pos] AND is_priority = v_prio
                   AND state IN ('waiting', 'transferred') AND target_counter IS NULL
                 ORDER BY local_day, service_code, is_priority, arrival, seq, id LIMIT 1 FOR UPDATE SKIP LOCKED;
                CONTINUE WHEN NOT FOUND;
                IF v_cutoff IS NOT NULL AND v_arrival <= v_cutoff THEN
                    v_rank := ARRAY[2, 0, 0];
                ELSE
                    v_rank := ARRAY[3, v_pos - 1, CASE WHEN v_due AND NOT v_prio THEN 1 ELSE 0 END];
                END IF;
                IF v_best_rank IS NULL OR v_rank < v_best_rank
                   OR (v_rank = v_best_rank AND (v_arrival, v_seq, v_id) < (v_best_arrival, v_best_seq, v_best_id)) THEN
                    v_best_id := v_id;
                    v_best_arrival := v_arrival;
                    v_best_seq := v_seq;
                    v_best_rank := v_rank;
                END IF;
            END LOOP;
        END LOOP;
        IF v_best_rank IS NULL THEN RETURN jsonb_build_object('status', 'empty'); END IF;
        -- Already locked by this transaction: the row as it is now.
        SELECT * INTO v_row FROM queue_ticket WHERE id = v_best_id;
    END IF;

    v_token := nextval('queue_token_seq');
    v_event := jsonb_build_object('kind', 'call', 'at', p_now_epoch, 'from', v_row.state, 'to', 'called',
                                  'counter', p_counter);
    IF p_operator IS NOT NULL THEN v_event := v_event || jsonb_build_object('operatorID', p_operator); END IF;
    v_doc := (v_row.doc - 'targetCounter' - 'operatorID') || jsonb_build_object(
        'state', 'called', 'token', v_token, 'counter', p_counter, 'recallCount', 0,
        'stateSince', p_now_epoch,
        'firstCalledAt', coalesce(v_row.doc->'firstCalledAt', to_jsonb(p_now_epoch)),
        'history', (v_row.doc->'history') || v_event);
    IF p_operator IS NOT NULL THEN v_doc := v_doc || jsonb_build_object('operatorID', p_operator); END IF;
    UPDATE queue_ticket SET state = 'called', token = v_token, counter = p_counter, target_counter = NULL,
                            version = version + 1, doc = v_doc
     WHERE id = v_row.id;
    UPDATE queue_counter_history
       SET ordinary_since_priority = CASE WHEN v_row.is_priority THEN 0 ELSE ordinary_since_priority + 1 END
     WHERE local_day = p_day AND counter = p_counter;
    -- Busy event of a staffed counter (as queue_counter_event).
    UPDATE queue_office_day
       SET doc = jsonb_set(doc, '{events}', coalesce(doc->'events', '[]'::jsonb) || jsonb_build_object(
                     'counter', p_counter, 'at', p_now_epoch,
                     'kind', jsonb_build_object('busy', jsonb_build_object('ticketID', v_row.id)))),
           busy = array_append(busy, p_counter), version = version + 1
     WHERE local_day = p_day AND NOT closed AND p_counter = ANY (staffed) AND NOT p_counter = ANY (busy);
    -- Change row and coalesced notification (as queue_log).
    INSERT INTO queue_change (kind, at, ticket) VALUES ('call', p_now_epoch, v_doc) RETURNING seq INTO v_change;
    IF pg_try_advisory_xact_lock(5350434551) THEN
        PERFORM pg_notify('sportello_queue', v_change::text);
    END IF;
    RETURN jsonb_build_object('status', 'claimed', 'ticket', v_doc, 'token', v_token, 'version', v_row.version + 1);
END
$fn$;

CREATE OR REPLACE FUNCTION sportello.queue_ticket_write(p_id bigint, p_version integer, p_doc jsonb, p_token bigint,
                                                        p_kind text, p_at double precision, p_release integer)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $fn$
DECLARE
    v_row queue_ticket;
    v_version integer;
    v_change bigint;
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
    -- The row is locked and exists: the update branch of queue_ticket_put.
    UPDATE queue_ticket
       SET service_code = p_doc->>'serviceCode', is_priority = p_doc ? 'priority', state = p_doc->>'state',
           target_counter = (p_doc->>'targetCounter')::integer, counter = (p_doc->>'counter')::integer,
           token = (p_doc->>'token')::bigint, version = version + 1, doc = p_doc
     WHERE id = p_id
    RETURNING version INTO v_version;
    IF p_release IS NOT NULL THEN
        -- Free event of a staffed counter (as queue_counter_event).
        UPDATE queue_office_day
           SET doc = jsonb_set(doc, '{events}', coalesce(doc->'events', '[]'::jsonb) || jsonb_build_object(
                         'counter', p_release, 'at', p_at, 'kind', jsonb_build_object('free', '{}'::jsonb))),
               busy = array_remove(busy, p_release), version = version + 1
         WHERE local_day = v_row.local_day AND NOT closed AND p_release = ANY (staffed) AND p_release = ANY (busy);
    END IF;
    INSERT INTO queue_change (kind, at, ticket) VALUES (p_kind, p_at, p_doc) RETURNING seq INTO v_change;
    IF pg_try_advisory_xact_lock(5350434551) THEN
        PERFORM pg_notify('sportello_queue', v_change::text);
    END IF;
    RETURN v_version;
END
$fn$;

-- CREATE OR REPLACE keeps the grants of schema 1 (stations' group role) and PUBLIC's revocation.
