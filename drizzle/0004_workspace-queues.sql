CREATE TABLE "case_deadline_warnings" (
	"case_id" uuid NOT NULL,
	"threshold" integer NOT NULL,
	"deadline_date" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_deadline_warnings_case_id_threshold_pk" PRIMARY KEY("case_id","threshold")
);
--> statement-breakpoint
CREATE INDEX "cases_active_deadline" ON "cases" USING btree ("agency_id","deadline_date","id") WHERE "cases"."category" in ('open', 'waiting');--> statement-breakpoint
CREATE INDEX "cases_active_assigned" ON "cases" USING btree ("assigned_to","deadline_date","id") WHERE "cases"."category" in ('open', 'waiting');--> statement-breakpoint
CREATE INDEX "cases_answers" ON "cases" USING gin ("answers" jsonb_path_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "cases_verification_code" ON "cases" USING btree (("decision" ->> 'verificationCode')) WHERE ("cases"."decision" ->> 'verificationCode') is not null;