CREATE SEQUENCE "public"."case_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1000 CACHE 1;--> statement-breakpoint
CREATE TABLE "case_events" (
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"at" timestamp with time zone NOT NULL,
	"position" bigserial NOT NULL,
	CONSTRAINT "case_events_case_id_seq_pk" PRIMARY KEY("case_id","seq")
);
--> statement-breakpoint
CREATE TABLE "case_idempotency_keys" (
	"owner_id" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"case_id" uuid,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_idempotency_keys_owner_id_key_pk" PRIMARY KEY("owner_id","key")
);
--> statement-breakpoint
CREATE TABLE "case_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"code" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"mandatory" boolean NOT NULL,
	"status" text NOT NULL,
	"result" text,
	"comment" text,
	"completed_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"type_code" text NOT NULL,
	"type_version" integer NOT NULL,
	"state" text NOT NULL,
	"category" text NOT NULL,
	"applicant_user_id" uuid,
	"agency_id" uuid NOT NULL,
	"assigned_to" uuid,
	"express_tier" text,
	"answers" jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"legal_start_date" date,
	"deadline_date" date,
	"paused_since" date,
	"pauses" jsonb NOT NULL,
	"documents" jsonb NOT NULL,
	"requested_documents" jsonb NOT NULL,
	"decision" jsonb,
	"outcome" text,
	"decided_at" timestamp with time zone,
	"fee_paid" boolean DEFAULT false NOT NULL,
	"last_seq" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_position" ON "case_events" USING btree ("position");--> statement-breakpoint
CREATE INDEX "case_tasks_case" ON "case_tasks" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_tasks_queue" ON "case_tasks" USING btree ("agency_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_number" ON "cases" USING btree ("number");--> statement-breakpoint
CREATE INDEX "cases_queue" ON "cases" USING btree ("agency_id","category","deadline_date");--> statement-breakpoint
CREATE INDEX "cases_applicant" ON "cases" USING btree ("applicant_user_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_assigned" ON "cases" USING btree ("assigned_to","category");--> statement-breakpoint
CREATE INDEX "cases_type_state" ON "cases" USING btree ("type_code","state");