-- A transaction takes its transaction id before it draws an audit record id. The audit sealer
-- treats a missing id as a gap only once every transaction running when it looked has ended;
-- that rule is exact only if no transaction can hold a record id without a transaction id.
CREATE FUNCTION karvan_audit_next_id() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_current_xact_id();
  RETURN nextval('audit_records_id_seq');
END;
$$;
--> statement-breakpoint
ALTER TABLE audit_records ALTER COLUMN id SET DEFAULT karvan_audit_next_id();
