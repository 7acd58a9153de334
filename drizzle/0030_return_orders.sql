CREATE TABLE "enforcement_return_orders" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"responsible_officer_id" uuid,
	"notified_at" timestamp with time zone,
	"due_date" date,
	"due_at" timestamp with time zone,
	"entry_ban_entry_id" uuid,
	"due_soon_alerted_on" date,
	"overdue_alerted_on" date
);
--> statement-breakpoint
CREATE TABLE "enforcement_return_outcomes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"occurred_on" date NOT NULL,
	"record" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "enforcement_return_orders_due" ON "enforcement_return_orders" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "enforcement_return_outcomes_case" ON "enforcement_return_outcomes" USING btree ("case_id","recorded_at");