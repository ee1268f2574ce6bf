-- Central schema 2: the office's reference data beyond the queue configuration (the office
-- itself) and its operators, which every station caches with their password hashes so that
-- logins keep working while this server is unreachable. Stations reach them only through
-- the functions below (SECURITY DEFINER, fixed search_path); every instant is a parameter.

CREATE TABLE sportello.central_office (
    id integer PRIMARY KEY CHECK (id = 1),
    name text NOT NULL CHECK (length(btrim(name)) > 0),
    updated_at timestamptz NOT NULL
);

-- Usernames as OperatorAccount.isValidUsername; roles as OperatorRole.encode (names joined by
-- commas); the hash names its own scheme and parameters (PasswordHash.encoded).
CREATE TABLE sportello.central_operator (
    username text PRIMARY KEY CHECK (username ~ '^[a-z][a-z0-9._-]{1,31}$'),
    full_name text NOT NULL CHECK (length(btrim(full_name)) > 0),
    roles text NOT NULL CHECK (roles ~ '^[a-z_]+(,[a-z_]+)*$'),
    password_hash text NOT NULL CHECK (password_hash ~ '^pbkdf2-sha512\$[1-9][0-9]*\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$'),
    disabled boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Grows at every change of the office or of an operator: a station compares it with the one
-- of its cache and fetches the whole reference only when it moved.
CREATE TABLE sportello.central_reference_head (
    id integer PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL
);
INSERT INTO sportello.central_reference_head VALUES (1, 0);

-- Internal: the next reference version, in the caller's transaction.
CREATE FUNCTION sportello.reference_bump() RETURNS bigint
LANGUAGE sql SET search_path = sportello, pg_temp AS $$
    UPDATE central_reference_head SET version = version + 1 WHERE id = 1 RETURNING version
$$;

CREATE FUNCTION sportello.reference_version() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
    SELECT version FROM central_reference_head WHERE id = 1
$$;

-- Everything a station caches: the office and every operator (disabled ones included, so
-- that a disabled operator is refused offline too), with the version they were read at.
CREATE FUNCTION sportello.reference_get() RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
    SELECT jsonb_build_object(
        'version', (SELECT version FROM central_reference_head WHERE id = 1),
        'office_name', (SELECT name FROM central_office WHERE id = 1),
        'operators', coalesce((SELECT jsonb_agg(jsonb_build_object(
                'username', username, 'full_name', full_name, 'roles', roles,
                'password_hash', password_hash, 'disabled', disabled,
                'created_at', extract(epoch FROM created_at), 'updated_at', extract(epoch FROM updated_at))
                ORDER BY username) FROM central_operator), '[]'::jsonb))
$$;

-- The office's name (owner: central init).
CREATE FUNCTION sportello.office_put(p_name text, p_at timestamptz) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
BEGIN
    INSERT INTO central_office AS o (id, name, updated_at) VALUES (1, btrim(p_name), p_at)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at
     WHERE o.name IS DISTINCT FROM excluded.name;
    IF NOT FOUND THEN
        RETURN (SELECT version FROM central_reference_head WHERE id = 1);
    END IF;
    RETURN reference_bump();
END
$$;

-- Operators, managed from any station as on the embedded file (the station hashes the
-- password; the table's checks refuse a malformed row). SQ409: exists; SQ404: unknown.
CREATE FUNCTION sportello.operator_add(p_username text, p_full_name text, p_roles text, p_hash text,
                                       p_at timestamptz) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
BEGIN
    INSERT INTO central_operator (username, full_name, roles, password_hash, disabled, created_at, updated_at)
    VALUES (p_username, btrim(p_full_name), p_roles, p_hash, false, p_at, p_at);
    RETURN reference_bump();
EXCEPTION WHEN unique_violation THEN
    RAISE EXCEPTION 'operator exists' USING ERRCODE = 'SQ409';
END
$$;

CREATE FUNCTION sportello.operator_set_disabled(p_username text, p_disabled boolean, p_at timestamptz) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
BEGIN
    UPDATE central_operator SET disabled = p_disabled, updated_at = p_at WHERE username = p_username;
    IF NOT FOUND THEN RAISE EXCEPTION 'unknown operator' USING ERRCODE = 'SQ404'; END IF;
    RETURN reference_bump();
END
$$;

CREATE FUNCTION sportello.operator_set_password(p_username text, p_hash text, p_at timestamptz) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
BEGIN
    UPDATE central_operator SET password_hash = p_hash, updated_at = p_at WHERE username = p_username;
    IF NOT FOUND THEN RAISE EXCEPTION 'unknown operator' USING ERRCODE = 'SQ404'; END IF;
    RETURN reference_bump();
END
$$;

-- The configuration import of a station (services import): the model validated it; refused
-- (SQ422, the services named in the message) while tickets of p_day that are still open
-- belong to a service the new configuration drops, as on the embedded file.
CREATE FUNCTION sportello.queue_config_import(p_doc jsonb, p_interleave integer, p_max_wait integer,
                                              p_counters jsonb, p_day date) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
DECLARE
    v_orphans text;
BEGIN
    LOCK TABLE queue_config IN EXCLUSIVE MODE;
    SELECT string_agg(DISTINCT service_code, ',' ORDER BY service_code) INTO v_orphans
      FROM queue_ticket
     WHERE local_day = p_day AND state IN ('waiting', 'parked', 'transferred', 'called', 'serving')
       AND NOT service_code IN (SELECT e->>'code' FROM jsonb_array_elements(p_doc->'services') AS e);
    IF v_orphans IS NOT NULL THEN
        RAISE EXCEPTION '%', v_orphans USING ERRCODE = 'SQ422';
    END IF;
    RETURN queue_config_put(p_doc, p_interleave, p_max_wait, p_counters);
END
$$;

-- What a board or a counter asks a few times a second to know whether to read the queue
-- again: the last change position (publishing committed rows first, exactly as
-- queue_changes does, so a row committed late is never hidden behind a later one), the
-- office day's version (sign-in, pauses, close) and the configuration's version. The head is
-- locked only when there is something to publish.
CREATE FUNCTION sportello.queue_change_mark(p_day date) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
DECLARE
    v_last bigint;
BEGIN
    IF EXISTS (SELECT 1 FROM queue_change WHERE position IS NULL) THEN
        SELECT last_position INTO v_last FROM queue_change_head WHERE id = 1 FOR UPDATE;
        WITH ready AS (
            SELECT seq, row_number() OVER (ORDER BY seq) AS n FROM queue_change WHERE position IS NULL
        ), given AS (
            UPDATE queue_change c SET position = v_last + r.n FROM ready r WHERE c.seq = r.seq RETURNING c.position
        )
        SELECT coalesce(max(position), v_last) INTO v_last FROM given;
        UPDATE queue_change_head SET last_position = v_last WHERE id = 1;
    ELSE
        SELECT last_position INTO v_last FROM queue_change_head WHERE id = 1;
    END IF;
    RETURN v_last::text
        || ':' || coalesce((SELECT version FROM queue_office_day WHERE local_day = p_day), 0)::text
        || ':' || coalesce((SELECT version FROM queue_config WHERE id = 1), 0)::text;
END
$$;

-- A station says hello with its kind as well (central status shows it).
CREATE FUNCTION sportello.central_hello(p_kind text, p_program text, p_schema integer, p_at timestamptz) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
BEGIN
    UPDATE central_station
       SET kind = p_kind, program_version = p_program, schema_version = p_schema, last_contact = p_at
     WHERE role_name = session_user;
    RETURN (SELECT max(version) FROM central_migration);
END
$$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA sportello FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA sportello FROM PUBLIC;
