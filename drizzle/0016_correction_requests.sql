CREATE TABLE "correction_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "correction_requests_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 100 CACHE 1),
	"requester_user_id" uuid NOT NULL,
	"case_id" uuid,
	"case_number" text,
	"agency_id" uuid NOT NULL,
	"item" text NOT NULL,
	"item_label" text NOT NULL,
	"what_is_wrong" text NOT NULL,
	"what_is_right" text NOT NULL,
	"status" text NOT NULL,
	"reply" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "correction_requests_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE INDEX "correction_requests_agency_queue" ON "correction_requests" USING btree ("agency_id","status","created_at");--> statement-breakpoint
CREATE INDEX "correction_requests_requester" ON "correction_requests" USING btree ("requester_user_id","created_at");