ALTER TABLE "policy_actions" ADD COLUMN "internal" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "policy_measures" ADD COLUMN "internal" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "policy_objectives" ADD COLUMN "internal" boolean DEFAULT false NOT NULL;