CREATE TABLE "enforcement_readmission_correspondence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"direction" text NOT NULL,
	"on_date" date NOT NULL,
	"note" text NOT NULL,
	"document_id" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_readmission_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"evidence_kind" text NOT NULL,
	"document_id" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_readmission_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"direction" text NOT NULL,
	"partner_state" text NOT NULL,
	"agreement_code" text NOT NULL,
	"procedure" text NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"person_id" uuid,
	"person" jsonb NOT NULL,
	"partner_authority" text NOT NULL,
	"partner_reference" text,
	"case_known_on" date NOT NULL,
	"request_due" date NOT NULL,
	"transmitted_on" date NOT NULL,
	"reply_due" date NOT NULL,
	"extended_reply_due" date,
	"extension_days" integer,
	"extension_reason" text,
	"reply_on" date,
	"reply_decision" text,
	"reply_reasons" text,
	"deemed_agreed_on" date,
	"agreed_on" date,
	"transfer_due" date,
	"travel_document_due" date,
	"travel_document_issued_on" date,
	"travel_document_number" text,
	"transfer_on" date,
	"border_crossing_point" text,
	"escort" text,
	"completed_on" date,
	"responsible_officer" uuid NOT NULL,
	"agency_id" uuid,
	"warned_for" date,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "enforcement_readmission_requests_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
ALTER TABLE "enforcement_readmission_correspondence" ADD CONSTRAINT "enforcement_readmission_correspondence_request_id_enforcement_readmission_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."enforcement_readmission_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_readmission_evidence" ADD CONSTRAINT "enforcement_readmission_evidence_request_id_enforcement_readmission_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."enforcement_readmission_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enforcement_readmission_correspondence_request" ON "enforcement_readmission_correspondence" USING btree ("request_id","recorded_at");--> statement-breakpoint
CREATE INDEX "enforcement_readmission_evidence_request" ON "enforcement_readmission_evidence" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "enforcement_readmission_requests_status" ON "enforcement_readmission_requests" USING btree ("status","reply_due");--> statement-breakpoint
CREATE INDEX "enforcement_readmission_requests_partner" ON "enforcement_readmission_requests" USING btree ("partner_state","status");