CREATE TABLE "case_change_outbox" (
	"position" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stat_cube" (
	"table_code" text NOT NULL,
	"period" text NOT NULL,
	"citizen" text NOT NULL,
	"sex" text NOT NULL,
	"age" text NOT NULL,
	"d1" text NOT NULL,
	"d2" text NOT NULL,
	"d3" text NOT NULL,
	"n" bigint NOT NULL,
	"total" bigint NOT NULL,
	CONSTRAINT "stat_cube_table_code_period_citizen_sex_age_d1_d2_d3_pk" PRIMARY KEY("table_code","period","citizen","sex","age","d1","d2","d3")
);
--> statement-breakpoint
CREATE TABLE "stat_import_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"imported_by" text NOT NULL,
	"files" jsonb NOT NULL,
	"record_count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stat_records" (
	"record_id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"case_id" uuid,
	"batch_id" uuid,
	"kind" text NOT NULL,
	"person_key" text NOT NULL,
	"citizenship" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date,
	"case_type" text NOT NULL,
	"date" date NOT NULL,
	"end_date" date,
	"outcome" text,
	"instance" text,
	"reason" text,
	"region" text,
	"withdrawn" boolean NOT NULL,
	"unaccompanied" boolean NOT NULL,
	"lodged_on" date,
	"deadline" date
);
--> statement-breakpoint
CREATE INDEX "stat_records_person" ON "stat_records" USING btree ("person_key");--> statement-breakpoint
CREATE INDEX "stat_records_case" ON "stat_records" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "stat_records_batch" ON "stat_records" USING btree ("batch_id");
--> statement-breakpoint
CREATE FUNCTION case_events_to_change_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_change_outbox (case_id) SELECT DISTINCT case_id FROM new_events;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_events_change_outbox AFTER INSERT ON case_events
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION case_events_to_change_outbox();
--> statement-breakpoint
-- Cases that existed before statistics did are projected once, like every later change.
INSERT INTO case_change_outbox (case_id) SELECT DISTINCT case_id FROM case_events;
