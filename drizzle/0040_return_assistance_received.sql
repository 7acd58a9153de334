ALTER TABLE "enforcement_return_outcomes" ADD COLUMN "assistance_received" boolean;--> statement-breakpoint
ALTER TABLE "stat_records" ADD COLUMN "assistance_offered" boolean;