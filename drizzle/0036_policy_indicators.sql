CREATE TABLE "policy_indicator_values" (
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"entered_by" uuid NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "policy_indicator_values_indicator_id_period_pk" PRIMARY KEY("indicator_id","period")
);
--> statement-breakpoint
CREATE TABLE "policy_indicators" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"names" jsonb NOT NULL,
	"kind" text NOT NULL,
	"numerator" jsonb,
	"denominator" jsonb,
	"factor" double precision NOT NULL,
	"unit" jsonb NOT NULL,
	"baseline_period" text,
	"baseline_value" double precision,
	"target_period" text,
	"target_value" double precision,
	"target_direction" text,
	"responsible_agency_id" uuid NOT NULL,
	"policy_changes" jsonb NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy_indicator_values" ADD CONSTRAINT "policy_indicator_values_indicator_id_policy_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."policy_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policy_indicators_code" ON "policy_indicators" USING btree ("code");