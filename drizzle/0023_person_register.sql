CREATE TABLE "people_case_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"role" text NOT NULL,
	"slot" integer DEFAULT 0 NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	"how" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"type" text NOT NULL,
	"number" text NOT NULL,
	"issuing_state" text,
	"expiry" text,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_import_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"import_person_id" text NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	"how" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_keys" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"person_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_merges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" text NOT NULL,
	"reason" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" text
);
--> statement-breakpoint
CREATE TABLE "people_model" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"weights" jsonb NOT NULL,
	"estimated_at" timestamp with time zone NOT NULL,
	"pairs_used" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_names" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"given_names" text,
	"family_name" text,
	"full_name" text,
	"script" text NOT NULL,
	"given_comparable" text NOT NULL,
	"family_comparable" text NOT NULL,
	"given_phonetic" text NOT NULL,
	"family_phonetic" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_persons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"merged_into" uuid,
	"sex" text,
	"birth_date" text,
	"citizenships" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_relations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"related_person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_review_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source_key" text NOT NULL,
	"source" jsonb NOT NULL,
	"occurrence" jsonb NOT NULL,
	"case_id" uuid,
	"candidates" jsonb NOT NULL,
	"status" text NOT NULL,
	"person_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "people_case_links_source" ON "people_case_links" USING btree ("case_id","role","slot");--> statement-breakpoint
CREATE INDEX "people_case_links_person" ON "people_case_links" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "people_documents_person" ON "people_documents" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "people_documents_number" ON "people_documents" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "people_import_links_source" ON "people_import_links" USING btree ("batch_id","import_person_id");--> statement-breakpoint
CREATE INDEX "people_import_links_person" ON "people_import_links" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "people_keys_key" ON "people_keys" USING btree ("key","person_id");--> statement-breakpoint
CREATE INDEX "people_keys_person" ON "people_keys" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "people_merges_survivor" ON "people_merges" USING btree ("survivor_id");--> statement-breakpoint
CREATE INDEX "people_merges_merged" ON "people_merges" USING btree ("merged_id");--> statement-breakpoint
CREATE INDEX "people_names_person" ON "people_names" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "people_persons_merged_into" ON "people_persons" USING btree ("merged_into") WHERE "people_persons"."merged_into" is not null;--> statement-breakpoint
CREATE INDEX "people_relations_person" ON "people_relations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "people_relations_related" ON "people_relations" USING btree ("related_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_review_items_source" ON "people_review_items" USING btree ("source_key");--> statement-breakpoint
CREATE INDEX "people_review_items_queue" ON "people_review_items" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "people_review_items_case" ON "people_review_items" USING btree ("case_id") WHERE "people_review_items"."case_id" is not null;