-- Offline tickets in the day's tickets (docs/QUEUE.md, "Offline"): when the central side
-- keeps a 'queue.offline_ticket' event (sync_push, each event once), the ticket it carries is
-- written into queue_ticket with its reserved number, in the same subtransaction, so the
-- day's report, the ticket lookup and the closing count it. Same rules as the embedded file
-- (OfflineTicketCentral):
-- - the number must lie in a block reserved for the pushing station on that day;
-- - the stored ticket is the one with the longest history (a station's history only grows):
--   a later step arriving first is kept, an earlier one arriving after it changes nothing;
-- - while the ticket is still open at the station it is stored reserved for it: target
--   counter and (when held) counter -1, no token, so no claim lane, no call by number and no
--   counter's held ticket ever matches it, and the status does not count it as waiting.

-- Internal: an ISO-8601 instant of the station's payload as the seconds the documents keep.
CREATE FUNCTION sportello.sync_offline_instant(p_value jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN p_value IS NULL OR jsonb_typeof(p_value) <> 'string' THEN p_value
                ELSE to_jsonb(extract(epoch FROM (p_value #>> '{}')::timestamptz)::double precision) END
$$;

-- Internal: writes the ticket of one offline event; raises SQ422 with the refusal.
CREATE FUNCTION sportello.sync_offline_ticket(p_station text, p_obj jsonb, p_at timestamptz) RETURNS void
LANGUAGE plpgsql SET search_path = sportello, pg_temp AS $$
DECLARE
    v_ticket jsonb := p_obj->'ticket';
    v_day date;
    v_prefix text;
    v_seq integer;
    v_row queue_ticket;
    v_doc jsonb;
    v_history jsonb;
BEGIN
    IF v_ticket IS NULL OR jsonb_typeof(v_ticket) <> 'object' OR jsonb_typeof(v_ticket->'history') <> 'array'
       OR NOT queue_ticket_columns_ok(v_ticket) THEN
        RAISE EXCEPTION '%', 'dati non validi in queue.offline_ticket: manca il campo ticket' USING ERRCODE = 'SQ422';
    END IF;
    v_day := (p_obj->>'day')::date;
    v_prefix := v_ticket->'number'->>'prefix';
    v_seq := (v_ticket->'number'->>'seq')::integer;
    IF NOT EXISTS (SELECT 1 FROM queue_offline_block
                    WHERE local_day = v_day AND prefix = v_prefix AND v_seq BETWEEN first_seq AND last_seq
                      AND station = p_station) THEN
        RAISE EXCEPTION '%', format('numero %s-%s non riservato alla postazione %s per il %s',
                                    v_prefix, lpad(v_seq::text, 3, '0'), p_station, v_day)
              USING ERRCODE = 'SQ422';
    END IF;
    SELECT coalesce(jsonb_agg(e || jsonb_build_object('at', sync_offline_instant(e->'at')) ORDER BY n), '[]'::jsonb)
      INTO v_history FROM jsonb_array_elements(v_ticket->'history') WITH ORDINALITY AS h(e, n);
    v_doc := (v_ticket - 'token') || jsonb_build_object(
        'arrival', sync_offline_instant(v_ticket->'arrival'),
        'stateSince', sync_offline_instant(v_ticket->'stateSince'),
        'history', v_history);
    IF v_ticket ? 'firstCalledAt' THEN
        v_doc := v_doc || jsonb_build_object('firstCalledAt', sync_offline_instant(v_ticket->'firstCalledAt'));
    END IF;
    IF v_doc->>'state' IN ('done', 'cancelled', 'no_show') THEN
        v_doc := v_doc - 'targetCounter';
    ELSE
        v_doc := v_doc || jsonb_build_object('targetCounter', -1);
        IF v_doc ? 'counter' THEN v_doc := v_doc || jsonb_build_object('counter', -1); END IF;
    END IF;
    SELECT * INTO v_row FROM queue_ticket WHERE local_day = v_day AND prefix = v_prefix AND seq = v_seq FOR UPDATE;
    IF FOUND THEN
        -- An earlier step (or the same one) arriving late: the stored ticket is newer.
        IF jsonb_array_length(v_history) <= jsonb_array_length(v_row.doc->'history') THEN
            RETURN;
        END IF;
        v_doc := v_doc || jsonb_build_object('id', v_row.id);
    ELSE
        v_doc := v_doc || jsonb_build_object('id', nextval('queue_ticket_id_seq'));
    END IF;
    PERFORM queue_ticket_put(v_doc, v_day, (v_ticket->>'arrival')::timestamptz);
    -- Kind 'offline': the display announces calls and recalls only, not a call made earlier.
    PERFORM queue_log('offline', extract(epoch FROM p_at)::double precision, v_doc);
END
$$;

-- sync_push keeps each offline event once in sync_station_event (inside the event's
-- subtransaction): writing the ticket there keeps it once and in the same transaction.
CREATE FUNCTION sportello.sync_station_event_offline_ticket() RETURNS trigger
LANGUAGE plpgsql SET search_path = sportello, pg_temp AS $$
BEGIN
    PERFORM sync_offline_ticket(NEW.station, NEW.payload, NEW.received_at);
    RETURN NULL;
END
$$;

CREATE TRIGGER sync_station_event_offline_ticket AFTER INSERT ON sportello.sync_station_event
    FOR EACH ROW WHEN (NEW.type = 'queue.offline_ticket')
    EXECUTE FUNCTION sportello.sync_station_event_offline_ticket();

-- Events kept before this migration: their tickets are written now (in the order received;
-- one outside its station's blocks stays kept only).
DO $$
DECLARE
    v_event record;
BEGIN
    FOR v_event IN SELECT station, payload, received_at FROM sportello.sync_station_event
                    WHERE type = 'queue.offline_ticket' ORDER BY event_id LOOP
        BEGIN
            PERFORM sportello.sync_offline_ticket(v_event.station, v_event.payload, v_event.received_at);
        EXCEPTION WHEN SQLSTATE 'SQ422' THEN
            NULL;
        END;
    END LOOP;
END
$$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA sportello FROM PUBLIC;
