CREATE TABLE "people_record_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"register" text NOT NULL,
	"record_id" uuid NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	"how" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "people_record_links_source" ON "people_record_links" USING btree ("register","record_id");--> statement-breakpoint
CREATE INDEX "people_record_links_person" ON "people_record_links" USING btree ("person_id");