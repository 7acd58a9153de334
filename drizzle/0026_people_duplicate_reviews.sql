CREATE TABLE "people_duplicate_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"other_person_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	"fields" jsonb NOT NULL,
	"status" text NOT NULL,
	"merge_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "people_duplicate_reviews_pair" ON "people_duplicate_reviews" USING btree ("person_id","other_person_id");--> statement-breakpoint
CREATE INDEX "people_duplicate_reviews_queue" ON "people_duplicate_reviews" USING btree ("status","created_at");