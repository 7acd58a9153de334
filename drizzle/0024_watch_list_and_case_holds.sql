CREATE TABLE "enforcement_watch_list_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"list" text NOT NULL,
	"names" jsonb NOT NULL,
	"birth_date" text,
	"sex" text,
	"citizenships" jsonb NOT NULL,
	"document_numbers" jsonb NOT NULL,
	"legal_basis" text NOT NULL,
	"issuing_authority" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"ended_by" uuid,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "enforcement_watch_list_keys" (
	"key" text NOT NULL,
	"entry_id" uuid NOT NULL,
	CONSTRAINT "enforcement_watch_list_keys_key_entry_id_pk" PRIMARY KEY("key","entry_id")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "hold" jsonb;--> statement-breakpoint
ALTER TABLE "enforcement_watch_list_keys" ADD CONSTRAINT "enforcement_watch_list_keys_entry_id_enforcement_watch_list_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."enforcement_watch_list_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enforcement_watch_list_entries_list" ON "enforcement_watch_list_entries" USING btree ("list","created_at");--> statement-breakpoint
CREATE INDEX "enforcement_watch_list_keys_entry" ON "enforcement_watch_list_keys" USING btree ("entry_id");