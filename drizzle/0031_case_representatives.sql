CREATE TABLE "case_representatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"ended_by" uuid,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "case_representatives_case_idx" ON "case_representatives" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_representatives_active_idx" ON "case_representatives" USING btree ("user_id","case_id") WHERE ended_at is null;