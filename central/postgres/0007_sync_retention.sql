-- Central schema: retention of the registry's change log (docs/SYNC.md, "Retention and reset").
-- An administrator prunes change rows older than N days; the lowest retained position (the
-- floor) is recorded, and a station whose position is below it is told so (SQ410) and resets
-- from a snapshot of the registry (sync_snapshot) instead of paging forward.

-- One row: positions below `floor` are gone from the change log.
CREATE TABLE sportello.sync_retention (
    id integer PRIMARY KEY CHECK (id = 1),
    floor bigint NOT NULL,
    pruned_at timestamptz,
    keep_days integer,
    deleted bigint NOT NULL DEFAULT 0
);
INSERT INTO sportello.sync_retention (id, floor) VALUES (1, 1);

-- Internal: gives positions to the committed change rows that have none (sequence order,
-- under the head row's lock, as sync_changes does) and answers the last position given.
CREATE FUNCTION sportello.sync_publish() RETURNS bigint
LANGUAGE plpgsql SET search_path = sportello, pg_temp AS $$
DECLARE
    v_last bigint;
BEGIN
    SELECT last_position INTO v_last FROM sync_change_head WHERE id = 1 FOR UPDATE;
    WITH ready AS (
        SELECT seq, row_number() OVER (ORDER BY seq) AS n FROM sync_change WHERE position IS NULL
    ), given AS (
        UPDATE sync_change c SET position = v_last + r.n FROM ready r WHERE c.seq = r.seq RETURNING c.position
    )
    SELECT coalesce(max(position), v_last) INTO v_last FROM given;
    UPDATE sync_change_head SET last_position = v_last WHERE id = 1;
    RETURN v_last;
END
$$;

-- The change log after a position, as in 0003, except that a position below the floor is
-- refused with SQ410 (message: the floor): the rows the station would need are pruned.
CREATE OR REPLACE FUNCTION sportello.sync_changes(p_station text, p_store_schema integer, p_central_schema integer,
                                                  p_at timestamptz, p_after bigint, p_limit integer) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
DECLARE
    v_station text := coalesce((SELECT name FROM central_station WHERE role_name = session_user), p_station);
    v_floor bigint;
    v_page jsonb;
    v_more boolean;
BEGIN
    PERFORM sync_check_versions(p_store_schema, p_central_schema);
    INSERT INTO sync_station (station, store_schema, last_pull_at) VALUES (v_station, p_store_schema, p_at)
    ON CONFLICT (station) DO UPDATE SET store_schema = excluded.store_schema, last_pull_at = excluded.last_pull_at;
    PERFORM sync_publish();
    -- Read after the head lock: a prune holds that lock, so the floor and the rows agree.
    SELECT floor INTO v_floor FROM sync_retention WHERE id = 1;
    IF p_after < v_floor - 1 THEN
        RAISE EXCEPTION '%', v_floor USING ERRCODE = 'SQ410';
    END IF;
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

-- A page of the whole registry, by id after p_after_id, with the position P it is at least
-- as new as: every change after P is still in the log (or the station is told to reset again).
-- A station resets with these pages, then pulls the change log after P.
CREATE FUNCTION sportello.sync_snapshot(p_station text, p_store_schema integer, p_central_schema integer,
                                        p_at timestamptz, p_after_id text, p_limit integer) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
DECLARE
    v_station text := coalesce((SELECT name FROM central_station WHERE role_name = session_user), p_station);
    v_position bigint;
    v_rows jsonb;
    v_more boolean;
BEGIN
    PERFORM sync_check_versions(p_store_schema, p_central_schema);
    INSERT INTO sync_station (station, store_schema, last_pull_at) VALUES (v_station, p_store_schema, p_at)
    ON CONFLICT (station) DO UPDATE SET store_schema = excluded.store_schema, last_pull_at = excluded.last_pull_at;
    -- Every committed change has a position <= P before the rows are read: a row read here
    -- is at least as new as its state at P.
    v_position := sync_publish();
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'id', id, 'doc', doc::text, 'merged_into', merged_into, 'version', version,
               'origin_station', origin_station, 'origin_event', origin_event) ORDER BY id), '[]'::jsonb)
      INTO v_rows
      FROM (SELECT * FROM sync_contact WHERE p_after_id IS NULL OR id > p_after_id
             ORDER BY id LIMIT greatest(1, p_limit)) c;
    SELECT EXISTS (SELECT 1 FROM sync_contact WHERE p_after_id IS NULL OR id > p_after_id
                    OFFSET greatest(1, p_limit)) INTO v_more;
    RETURN jsonb_build_object('position', v_position, 'rows', v_rows, 'has_more', v_more);
END
$$;

-- Administrators only (not granted to stations): deletes the change rows older than
-- p_keep_days days before p_at, as one prefix of positions (a row kept stops the prune there,
-- so the log stays contiguous above the floor), and records the new floor. One transaction.
CREATE FUNCTION sportello.sync_prune(p_at timestamptz, p_keep_days integer) RETURNS jsonb
LANGUAGE plpgsql SET search_path = sportello, pg_temp AS $$
DECLARE
    v_last bigint;
    v_cut timestamptz := p_at - make_interval(days => p_keep_days);
    v_through bigint;
    v_deleted bigint;
    v_floor bigint;
BEGIN
    IF p_keep_days IS NULL OR p_keep_days < 0 THEN
        RAISE EXCEPTION '%', 'giorni da conservare non validi' USING ERRCODE = 'SQ422';
    END IF;
    v_last := sync_publish();
    SELECT coalesce((SELECT min(position) - 1 FROM sync_change WHERE position IS NOT NULL AND at >= v_cut), v_last)
      INTO v_through;
    DELETE FROM sync_change WHERE position <= v_through;
    GET DIAGNOSTICS v_deleted = ROW_COUNT;
    UPDATE sync_retention SET floor = greatest(floor, v_through + 1), pruned_at = p_at, keep_days = p_keep_days,
                              deleted = deleted + v_deleted
     WHERE id = 1 RETURNING floor INTO v_floor;
    RETURN jsonb_build_object('deleted', v_deleted, 'floor', v_floor,
                              'kept', (SELECT count(*) FROM sync_change), 'last_position', v_last);
END
$$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA sportello FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA sportello FROM PUBLIC;
