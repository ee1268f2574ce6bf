-- Central schema 6: offline ticket blocks (docs/QUEUE.md, "Offline").
-- A counter station reserves, while online, a block of a prefix's daily sequence for each
-- service prefix; while the central database is unreachable it issues tickets from it
-- (A-701) and sends their life as 'queue.offline_ticket' events when it is back.

CREATE TABLE sportello.queue_offline_block (
    local_day date NOT NULL,
    prefix text NOT NULL,
    first_seq integer NOT NULL,
    last_seq integer NOT NULL CHECK (last_seq >= first_seq),
    station text NOT NULL,
    reserved_at timestamptz NOT NULL,
    PRIMARY KEY (local_day, prefix, first_seq)
);

-- The central numbering jumps over the blocks: a seq that falls inside one becomes the end of
-- the latest block of its prefix and day + 1 (blocks reserved after the one it reached are
-- contiguous with it, each having started after the numbering). Blocks start at 701, so the
-- issue path below that never runs the function. queue_issue_bulk (owner, loads) takes a
-- whole range at once and is not checked against blocks.
CREATE FUNCTION sportello.queue_numbering_skip_blocks() RETURNS trigger
LANGUAGE plpgsql SET search_path = sportello, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM queue_offline_block
                WHERE local_day = NEW.local_day AND prefix = NEW.prefix
                  AND NEW.last_seq BETWEEN first_seq AND last_seq) THEN
        NEW.last_seq := (SELECT max(last_seq) + 1 FROM queue_offline_block
                          WHERE local_day = NEW.local_day AND prefix = NEW.prefix);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER queue_numbering_skip_blocks BEFORE INSERT OR UPDATE OF last_seq ON sportello.queue_numbering
    FOR EACH ROW WHEN (NEW.last_seq >= 701) EXECUTE FUNCTION sportello.queue_numbering_skip_blocks();

-- Reserves the next block of a prefix for a day. The numbering row is locked first, so the
-- reservation is serialized with every issue of the prefix and with other reservations:
-- the block starts after the numbering's last seq, after the latest block and at 701 at least.
-- A station role reserves in its own name.
CREATE FUNCTION sportello.queue_offline_block_reserve(p_station text, p_prefix text, p_day date, p_size integer,
                                                      p_at timestamptz) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
DECLARE
    v_station text := coalesce((SELECT name FROM central_station WHERE role_name = session_user), p_station);
    v_last integer;
    v_end integer;
    v_first integer;
BEGIN
    IF p_size < 1 OR p_prefix !~ '^[A-Z]{1,2}$' THEN
        RAISE EXCEPTION '%', 'blocco di numeri non valido' USING ERRCODE = 'SQ422';
    END IF;
    INSERT INTO queue_numbering (prefix, local_day, last_seq) VALUES (p_prefix, p_day, 0)
    ON CONFLICT (prefix, local_day) DO NOTHING;
    SELECT last_seq INTO v_last FROM queue_numbering WHERE prefix = p_prefix AND local_day = p_day FOR UPDATE;
    SELECT max(last_seq) INTO v_end FROM queue_offline_block WHERE local_day = p_day AND prefix = p_prefix;
    v_first := greatest(701, v_last + 1, coalesce(v_end, 0) + 1);
    INSERT INTO queue_offline_block (local_day, prefix, first_seq, last_seq, station, reserved_at)
    VALUES (p_day, p_prefix, v_first, v_first + p_size - 1, v_station, p_at);
    RETURN jsonb_build_object('station', v_station, 'prefix', p_prefix, 'first', v_first, 'last', v_first + p_size - 1);
END
$$;

-- The offline tickets' events are kept as received (sync_station_event), each applied once.
CREATE OR REPLACE FUNCTION sportello.sync_payload_versions() RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT '{"contact.created": 1, "contact.updated": 1, "contact.visited": 1, "contact.merged": 1,
             "contact.imported": 1, "contact.history": 1, "session.event": 1,
             "queue.offline_ticket": 1}'::jsonb
$$;

CREATE OR REPLACE FUNCTION sportello.sync_required_fields(p_type text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p_type
        WHEN 'contact.created' THEN ARRAY['id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'details.surname', 'details.name']
        WHEN 'contact.updated' THEN ARRAY['id', 'updatedBy', 'updatedAt', 'details.surname', 'details.name']
        WHEN 'contact.visited' THEN ARRAY['id', 'visitedAt']
        WHEN 'contact.merged' THEN ARRAY['kept_id', 'merged_id']
        WHEN 'contact.imported' THEN ARRAY['import_id']
        WHEN 'contact.history' THEN ARRAY['contact_id', 'kind', 'at']
        WHEN 'session.event' THEN ARRAY['kind', 'operator', 'at']
        WHEN 'queue.offline_ticket' THEN ARRAY['station', 'event', 'number', 'day', 'at']
        ELSE ARRAY[]::text[] END
$$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA sportello FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA sportello FROM PUBLIC;
