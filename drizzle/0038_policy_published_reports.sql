CREATE TABLE "policy_published_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"period" text NOT NULL,
	"title" text NOT NULL,
	"reports" jsonb NOT NULL,
	"published_by" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "policy_published_reports_document_period" ON "policy_published_reports" USING btree ("document_id","period");