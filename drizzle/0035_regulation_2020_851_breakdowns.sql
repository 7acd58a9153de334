ALTER TABLE "stat_records" ADD COLUMN "withdrawal" text;--> statement-breakpoint
ALTER TABLE "stat_records" ADD COLUMN "return_type" text;--> statement-breakpoint
ALTER TABLE "stat_records" ADD COLUMN "assisted" boolean;--> statement-breakpoint
ALTER TABLE "stat_records" ADD COLUMN "destination" text;--> statement-breakpoint
ALTER TABLE "stat_records" ADD COLUMN "issue" text;