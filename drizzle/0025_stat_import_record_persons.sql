CREATE TABLE "stat_import_record_persons" (
	"record_id" text PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"import_person_id" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "stat_import_record_persons_person" ON "stat_import_record_persons" USING btree ("batch_id","import_person_id");