CREATE TABLE "research_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "research_applications_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 100 CACHE 1),
	"applicant_user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"purpose" text NOT NULL,
	"institution" text NOT NULL,
	"variables" jsonb NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"ethics_document_id" text NOT NULL,
	"ethics_file_name" text NOT NULL,
	"status" text NOT NULL,
	"granted_variables" jsonb,
	"granted_from" date,
	"granted_to" date,
	"reasons" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "research_applications_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "research_library_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"authors" jsonb NOT NULL,
	"year" integer NOT NULL,
	"topics" jsonb NOT NULL,
	"languages" jsonb NOT NULL,
	"link" text,
	"indicator_codes" jsonb NOT NULL,
	"policy_document_ids" jsonb NOT NULL,
	"published" text NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "research_releases" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"k" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"downloaded_at" timestamp with time zone,
	"rows_released" integer,
	"rows_suppressed" integer,
	"generalisation" jsonb,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"measure_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"responsible_agency_id" uuid NOT NULL,
	"partner_agency_ids" jsonb NOT NULL,
	"start_on" date NOT NULL,
	"due_on" date NOT NULL,
	"budget_minor" bigint,
	"budget_currency" text,
	"status" text NOT NULL,
	"percent_done" integer NOT NULL,
	"done_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_document_status_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"on_date" date NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_document_versions" (
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"superseded_by" uuid,
	"superseded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "policy_document_versions_document_id_version_pk" PRIMARY KEY("document_id","version")
);
--> statement-breakpoint
CREATE TABLE "policy_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"adopting_body" text,
	"period_start" date,
	"period_end" date,
	"consultation_on" date,
	"adopted_on" date,
	"in_force_on" date,
	"ended_on" date,
	"cited_acts" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_measures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"objective_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_objective_indicators" (
	"objective_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	CONSTRAINT "policy_objective_indicators_objective_id_indicator_code_pk" PRIMARY KEY("objective_id","indicator_code")
);
--> statement-breakpoint
CREATE TABLE "policy_objectives" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_overdue_warnings" (
	"action_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "policy_overdue_warnings_action_id_due_on_pk" PRIMARY KEY("action_id","due_on")
);
--> statement-breakpoint
CREATE TABLE "policy_report_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"document_ref" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"sha256" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_status_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"action_id" uuid NOT NULL,
	"period" text NOT NULL,
	"text" text NOT NULL,
	"percent_done" integer NOT NULL,
	"agency_id" uuid NOT NULL,
	"written_by" uuid NOT NULL,
	"written_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy_actions" ADD CONSTRAINT "policy_actions_measure_id_policy_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."policy_measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_actions" ADD CONSTRAINT "policy_actions_document_id_policy_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."policy_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_document_status_changes" ADD CONSTRAINT "policy_document_status_changes_document_id_policy_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."policy_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_document_versions" ADD CONSTRAINT "policy_document_versions_document_id_policy_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."policy_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_measures" ADD CONSTRAINT "policy_measures_objective_id_policy_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."policy_objectives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_measures" ADD CONSTRAINT "policy_measures_document_id_policy_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."policy_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_objective_indicators" ADD CONSTRAINT "policy_objective_indicators_objective_id_policy_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."policy_objectives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_objectives" ADD CONSTRAINT "policy_objectives_document_id_policy_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."policy_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_overdue_warnings" ADD CONSTRAINT "policy_overdue_warnings_action_id_policy_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."policy_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_report_evidence" ADD CONSTRAINT "policy_report_evidence_report_id_policy_status_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."policy_status_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_status_reports" ADD CONSTRAINT "policy_status_reports_action_id_policy_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."policy_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "research_applications_applicant" ON "research_applications" USING btree ("applicant_user_id","created_at");--> statement-breakpoint
CREATE INDEX "research_applications_queue" ON "research_applications" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "research_library_entries_year" ON "research_library_entries" USING btree ("published","year");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_actions_code" ON "policy_actions" USING btree ("document_id","code");--> statement-breakpoint
CREATE INDEX "policy_actions_due" ON "policy_actions" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "policy_actions_agency" ON "policy_actions" USING btree ("responsible_agency_id","due_on");--> statement-breakpoint
CREATE INDEX "policy_document_status_changes_document" ON "policy_document_status_changes" USING btree ("document_id","changed_at");--> statement-breakpoint
CREATE INDEX "policy_documents_status" ON "policy_documents" USING btree ("status","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_measures_code" ON "policy_measures" USING btree ("document_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_objectives_code" ON "policy_objectives" USING btree ("document_id","code");--> statement-breakpoint
CREATE INDEX "policy_status_reports_action" ON "policy_status_reports" USING btree ("action_id","period","written_at");