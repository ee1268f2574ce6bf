-- Central schema 5: a counter ends its ticket and calls its next in one call (docs/CENTRAL.md,
-- "Ending a ticket and calling the next"). One transaction instead of two per served ticket:
-- half the commits (each waits for its WAL flush), half the round trips.

-- The write of queue_ticket_write (compare-and-swap on the version, fencing token, free
-- event, change row) then the claim of queue_claim (lane heads with FOR UPDATE SKIP LOCKED,
-- new fencing token, busy event, change row and notification), in the caller's one
-- transaction. Either both happen or neither: a refused write raises its SQ409/SQ403/SQ422
-- as queue_ticket_write does; a claim that is neither "claimed" nor "empty" raises SQ460
-- with the claim's answer (JSON) as its message, which rolls the write back too.
-- Answers the claim's JSON with "written": the ticket's new row version.
CREATE FUNCTION sportello.queue_write_and_claim(p_id bigint, p_version integer, p_doc jsonb, p_token bigint,
                                                p_kind text, p_at double precision, p_release integer,
                                                p_counter integer, p_operator text, p_prefix text, p_seq integer,
                                                p_day date, p_now timestamptz, p_now_epoch double precision)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sportello, pg_temp AS $$
DECLARE
    v_version integer;
    v_claim jsonb;
BEGIN
    v_version := queue_ticket_write(p_id, p_version, p_doc, p_token, p_kind, p_at, p_release);
    v_claim := queue_claim(p_counter, p_operator, p_prefix, p_seq, p_day, p_now, p_now_epoch);
    IF v_claim->>'status' NOT IN ('claimed', 'empty') THEN
        RAISE EXCEPTION '%', v_claim::text USING ERRCODE = 'SQ460';
    END IF;
    RETURN v_claim || jsonb_build_object('written', v_version);
END
$$;

REVOKE ALL ON FUNCTION sportello.queue_write_and_claim(bigint, integer, jsonb, bigint, text, double precision, integer,
                                                       integer, text, text, integer, date, timestamptz, double precision)
    FROM PUBLIC;
