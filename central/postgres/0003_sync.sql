-- Central schema: sync of the stations' outbox and the shared registry (docs/SYNC.md).
-- Stations push events (each applied once, by id) and pull the registry's change log.
-- Every instant is a parameter from the station's clock: no function calls now().

CREATE TABLE sportello.sync_station (
    station text PRIMARY KEY,
    store_schema integer NOT NULL,
    last_push_at timestamptz,
    last_pull_at timestamptz
);

-- Every event applied, by id: a retry after a lost acknowledgement is answered 'duplicate'.
CREATE TABLE sportello.sync_applied_event (
    id text PRIMARY KEY,
    station text NOT NULL,
    type text NOT NULL,
    applied_at timestamptz NOT NULL
);

-- The shared registry: each contact as the Contact JSON of contact.created, its version
-- (1 when created, +1 per change) and the station and event that changed it last.
CREATE TABLE sportello.sync_contact (
    id text PRIMARY KEY,
    doc jsonb NOT NULL,
    merged_into text,
    version bigint NOT NULL,
    origin_station text NOT NULL,
    origin_event text NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Session and contact-history events of the stations, kept as received (audit).
CREATE TABLE sportello.sync_station_event (
    event_id text PRIMARY KEY,
    station text NOT NULL,
    type text NOT NULL,
    payload_version integer NOT NULL,
    payload jsonb NOT NULL,
    received_at timestamptz NOT NULL
);

-- The registry's change log, paged like queue_change: writers append rows with a sequence
-- number and no position; readers give positions (sync_changes, under the head row's lock) to
-- the committed rows that have none, so a row whose transaction commits late gets a later
-- position and is never skipped.
CREATE SEQUENCE sportello.sync_change_seq;
CREATE TABLE sportello.sync_change (
    seq bigint PRIMARY KEY DEFAULT nextval('sportello.sync_change_seq'),
    position bigint UNIQUE,
    table_name text NOT NULL,
    row_id text NOT NULL,
    version bigint NOT NULL,
    origin_station text NOT NULL,
    origin_event text NOT NULL,
    payload_version integer NOT NULL,
    data jsonb NOT NULL,
    merged_into text,
    at timestamptz NOT NULL
) WITH (autovacuum_vacuum_threshold = 500, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_cost_delay = 0);
CREATE INDEX sync_change_unpublished ON sportello.sync_change (seq) WHERE position IS NULL;

CREATE TABLE sportello.sync_change_head (
    id integer PRIMARY KEY CHECK (id = 1),
    last_position bigint NOT NULL
);
INSERT INTO sportello.sync_change_head VALUES (1, 0);

-- Internal: the event types applied here with the newest payload version read (SyncVersions).
CREATE FUNCTION sportello.sync_payload_versions() RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT '{"contact.created": 1, "contact.updated": 1, "contact.visited": 1, "contact.merged": 1,
             "contact.imported": 1, "contact.history": 1, "session.event": 1}'::jsonb
$$;

-- Internal: the required string fields of a payload, in the order checked (SyncEventRules).
CREATE FUNCTION sportello.sync_required_fields(p_type text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p_type
        WHEN 'contact.created' THEN ARRAY['id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'details.surname', 'details.name']
        WHEN 'contact.updated' THEN ARRAY['id', 'updatedBy', 'updatedAt', 'details.surname', 'details.name']
        WHEN 'contact.visited' THEN ARRAY['id', 'visitedAt']
        WHEN 'contact.merged' THEN ARRAY['kept_id', 'merged_id']
        WHEN 'contact.imported' THEN ARRAY['import_id']
        WHEN 'contact.history' THEN ARRAY['contact_id', 'kind', 'at']
        WHEN 'session.event' THEN ARRAY['kind', 'operator', 'at']
        ELSE ARRAY[]::text[] END
$$;

-- Internal: 'manca il campo F' for the first required field that is not a non-empty string.
CREATE FUNCTION sportello.sync_missing_field(p_obj jsonb, p_fields text[]) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    v_field text;
    v_value jsonb;
BEGIN
    FOREACH v_field IN ARRAY p_fields LOOP
        v_value := p_obj #> string_to_array(v_field, '.');
        IF v_value IS NULL OR jsonb_typeof(v_value) <> 'string' OR v_value #>> '{}' = '' THEN
            RETURN 'manca il campo ' || v_field;
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;

-- Internal: the versions a station speaks, checked on every exchange.
-- SQ426: the central schema differs (message: the central version); SQ427: store too old.
CREATE FUNCTION sportello.sync_check_versions(p_store_schema integer, p_central_schema integer) RETURNS void
LANGUAGE plpgsql SET search_path = sportello, pg_temp AS $$
DECLARE
    v_central integer;
BEGIN
    SELECT max(version) INTO v_central FROM central_migration;
    IF v_central <> p_central_schema THEN
        RAISE EXCEPTION '%', v_central USING ERRCODE = 'SQ426';
    END IF;
    IF p_store_schema < 3 THEN
        RAISE EXCEPTION '%', 3 USING ERRCODE = 'SQ427';
    END IF;
END
$$;

-- Internal: one change-log row with the contact as it is now.
CREATE FUNCTION sportello.sync_log(p_id text, p_at timestamptz) RETURNS void
LANGUAGE sql SET search_path = sportello, pg_temp AS $$
    INSERT INTO sync_change (table_name, row_id, version, origin_station, origin_event, payload_version, data, merged_into, at)
    SELECT 'contact', id, version, origin_station, origin_event, 1, doc, merged_into, p_at FROM sync_contact WHERE id = p_id
$$;

CREATE FUNCTION sportello.sync_touch(p_id text, p_station text, p_event text, p_at timestamptz) RETURNS void
LANGUAGE plpgsql SET search_path = sportello, pg_temp AS $$
BEGIN
    UPDATE sync_contact SET version = version + 1, origin_station = p_station, origin_event = p_event, updated_at = p_at
     WHERE id = p_id;
    PERFORM sync_log(p_id, p_at);
END
$$;

CREATE FUNCTION sportello.sync_insert_contact(p_doc jsonb, p_station text, p_event text, p_at timestamptz) RETURNS void
LANGUAGE plpgsql SET search_path = sportello, pg_temp AS $$
BEGIN
    INSERT INTO sync_contact (id, doc, merged_into, version, origin_station, origin_event, updated_at)
    VALUES (p_doc->>'id', p_doc, NULL, 1, p_station, p_event, p_at) ON CONFLICT (id) DO NOTHING;
    IF NOT FOUND THEN
        RAISE EXCEPTION '%', 'contatto già presente nel database centrale: ' || (p_doc->>'id') USING ERRCODE = 'SQ422';
    END IF;
    PERFORM sync_log(p_doc->>'id', p_at);
END
$$;

CREATE FUNCTION sportello.sync_require_contact(p_id text) RETURNS void
LANGUAGE plpgsql SET search_path = sportello, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM sync_contact WHERE id = p_id) THEN
        RAISE EXCEPTION '%', 'contatto sconosciuto al database centrale: ' || p_id USING ERRCODE = 'SQ422';
    END IF;
END
$$;

-- Internal: applies one checked event; raises SQ422 with the refusal. Answers the ack.
CREATE FUNCTION sportello.sync_apply(p_station text, p_event jsonb, p_obj jsonb, p_at timestamptz) RETURNS jsonb
LANGUAGE plpgsql SET search_path = sportello, pg_temp AS $$
DECLARE
    v_id text := p_event->>'id';
    v_type text := p_event->>'type';
    v_ack jsonb := jsonb_build_object('id', p_event->>'id', 'outcome', 'applied');
    v_row sync_contact;
    v_item jsonb;
    v_base bigint := (p_event->>'base_version')::bigint;
BEGIN
    CASE v_type
    WHEN 'contact.created' THEN
        PERFORM sync_insert_contact(p_obj, p_station, v_id, p_at);
    WHEN 'contact.imported' THEN
        FOR v_item IN SELECT * FROM jsonb_array_elements(p_obj->'rows') LOOP
            IF NOT EXISTS (SELECT 1 FROM sync_contact WHERE id = v_item->>'id') THEN
                PERFORM sync_insert_contact(v_item, p_station, v_id, p_at);
            END IF;
        END LOOP;
    WHEN 'contact.updated' THEN
        SELECT * INTO v_row FROM sync_contact WHERE id = p_obj->>'id' FOR UPDATE;
        IF NOT FOUND THEN PERFORM sync_require_contact(p_obj->>'id'); END IF;
        IF v_base IS NOT NULL AND v_row.version > v_base AND v_row.origin_station <> p_station THEN
            v_ack := v_ack || jsonb_build_object('conflict_station', v_row.origin_station, 'conflict_data', v_row.doc::text);
        END IF;
        UPDATE sync_contact SET doc = doc || jsonb_build_object('details', p_obj->'details', 'updatedBy', p_obj->'updatedBy',
                                                               'updatedAt', p_obj->'updatedAt')
         WHERE id = p_obj->>'id';
        PERFORM sync_touch(p_obj->>'id', p_station, v_id, p_at);
    WHEN 'contact.visited' THEN
        PERFORM sync_require_contact(p_obj->>'id');
        -- The latest visit wins, whatever the order the visits arrive in.
        UPDATE sync_contact SET doc = jsonb_set(doc, '{lastVisitAt}', p_obj->'visitedAt')
         WHERE id = p_obj->>'id' AND coalesce(doc->>'lastVisitAt', '') COLLATE "C" < (p_obj->>'visitedAt') COLLATE "C";
        PERFORM sync_touch(p_obj->>'id', p_station, v_id, p_at);
    WHEN 'contact.merged' THEN
        PERFORM sync_require_contact(p_obj->>'kept_id');
        PERFORM sync_require_contact(p_obj->>'merged_id');
        UPDATE sync_contact SET merged_into = p_obj->>'kept_id' WHERE id = p_obj->>'merged_id';
        PERFORM sync_touch(p_obj->>'merged_id', p_station, v_id, p_at);
    ELSE
        INSERT INTO sync_station_event (event_id, station, type, payload_version, payload, received_at)
        VALUES (v_id, p_station, v_type, (p_event->>'payload_version')::integer, p_obj, p_at);
    END CASE;
    RETURN v_ack;
END
$$;

-- Applies a batch of events in order, each once; a refused event (unknown type, newer payload
-- version, invalid data) is answered 'refused' with its reason and does not stop the others.
-- A station role is known by its login: it cannot push in another station's name.
CREATE FUNCTION sportello.sync_push(p_station text, p_store_schema integer, p_central_schema integer,
                                    p_at timestamptz, p_events jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
DECLARE
    v_station text := coalesce((SELECT name FROM central_station WHERE role_name = session_user), p_station);
    v_event jsonb;
    v_id text;
    v_type text;
    v_version integer;
    v_known integer;
    v_obj jsonb;
    v_refusal text;
    v_item jsonb;
    v_ack jsonb;
    v_acks jsonb := '[]'::jsonb;
BEGIN
    PERFORM sync_check_versions(p_store_schema, p_central_schema);
    INSERT INTO sync_station (station, store_schema, last_push_at) VALUES (v_station, p_store_schema, p_at)
    ON CONFLICT (station) DO UPDATE SET store_schema = excluded.store_schema, last_push_at = excluded.last_push_at;
    FOR v_event IN SELECT * FROM jsonb_array_elements(p_events) LOOP
        v_id := v_event->>'id';
        v_type := v_event->>'type';
        v_version := (v_event->>'payload_version')::integer;
        v_refusal := NULL;
        v_obj := NULL;
        IF EXISTS (SELECT 1 FROM sync_applied_event WHERE id = v_id) THEN
            v_acks := v_acks || jsonb_build_array(jsonb_build_object('id', v_id, 'outcome', 'duplicate'));
            CONTINUE;
        END IF;
        v_known := (sync_payload_versions()->>v_type)::integer;
        IF v_known IS NULL THEN
            v_refusal := 'tipo di evento sconosciuto al database centrale: ' || v_type;
        ELSIF v_version > v_known OR v_version < 1 THEN
            v_refusal := format('%s versione %s: il database centrale legge fino alla versione %s', v_type, v_version, v_known);
        ELSE
            BEGIN
                v_obj := (v_event->>'payload')::jsonb;
            EXCEPTION WHEN others THEN
                v_obj := NULL;
            END;
            IF v_obj IS NULL OR jsonb_typeof(v_obj) <> 'object' THEN
                v_refusal := 'non è un oggetto JSON';
            ELSE
                v_refusal := sync_missing_field(v_obj, sync_required_fields(v_type));
                IF v_refusal IS NULL AND v_type = 'contact.imported' THEN
                    IF jsonb_typeof(v_obj->'rows') IS DISTINCT FROM 'array'
                       OR EXISTS (SELECT 1 FROM jsonb_array_elements(v_obj->'rows') r WHERE jsonb_typeof(r) <> 'object') THEN
                        v_refusal := 'manca il campo rows';
                    ELSE
                        FOR v_item IN SELECT * FROM jsonb_array_elements(v_obj->'rows') LOOP
                            v_refusal := sync_missing_field(v_item, sync_required_fields('contact.created'));
                            EXIT WHEN v_refusal IS NOT NULL;
                        END LOOP;
                    END IF;
                END IF;
            END IF;
            IF v_refusal IS NOT NULL THEN
                v_refusal := format('dati non validi in %s: %s', v_type, v_refusal);
            END IF;
        END IF;
        IF v_refusal IS NULL THEN
            -- A subtransaction: a refused event leaves no trace.
            BEGIN
                v_ack := sync_apply(v_station, v_event, v_obj, p_at);
                INSERT INTO sync_applied_event (id, station, type, applied_at) VALUES (v_id, v_station, v_type, p_at);
            EXCEPTION WHEN SQLSTATE 'SQ422' THEN
                v_refusal := SQLERRM;
            END;
        END IF;
        IF v_refusal IS NOT NULL THEN
            v_ack := jsonb_build_object('id', v_id, 'outcome', 'refused', 'reason', v_refusal);
        END IF;
        v_acks := v_acks || jsonb_build_array(v_ack);
    END LOOP;
    RETURN v_acks;
END
$$;

-- The change log after a position: first gives positions to the committed rows that have
-- none (in sequence order, under the head row's lock), then answers a page.
CREATE FUNCTION sportello.sync_changes(p_station text, p_store_schema integer, p_central_schema integer,
                                       p_at timestamptz, p_after bigint, p_limit integer) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
DECLARE
    v_station text := coalesce((SELECT name FROM central_station WHERE role_name = session_user), p_station);
    v_last bigint;
    v_page jsonb;
    v_more boolean;
BEGIN
    PERFORM sync_check_versions(p_store_schema, p_central_schema);
    INSERT INTO sync_station (station, store_schema, last_pull_at) VALUES (v_station, p_store_schema, p_at)
    ON CONFLICT (station) DO UPDATE SET store_schema = excluded.store_schema, last_pull_at = excluded.last_pull_at;
    SELECT last_position INTO v_last FROM sync_change_head WHERE id = 1 FOR UPDATE;
    WITH ready AS (
        SELECT seq, row_number() OVER (ORDER BY seq) AS n FROM sync_change WHERE position IS NULL
    ), given AS (
        UPDATE sync_change c SET position = v_last + r.n FROM ready r WHERE c.seq = r.seq RETURNING c.position
    )
    SELECT coalesce(max(position), v_last) INTO v_last FROM given;
    UPDATE sync_change_head SET last_position = v_last WHERE id = 1;
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'position', position, 'table', table_name, 'row_id', row_id, 'version', version,
               'origin_station', origin_station, 'origin_event', origin_event, 'payload_version', payload_version,
               'data', data::text, 'merged_into', merged_into) ORDER BY position), '[]'::jsonb)
      INTO v_page
      FROM (SELECT * FROM sync_change WHERE position > p_after ORDER BY position LIMIT greatest(1, p_limit)) c;
    SELECT EXISTS (SELECT 1 FROM sync_change WHERE position > p_after OFFSET greatest(1, p_limit)) INTO v_more;
    RETURN jsonb_build_object('changes', v_page, 'has_more', v_more);
END
$$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA sportello FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA sportello FROM PUBLIC;
